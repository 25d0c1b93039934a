// How the terminal reporter may draw: a live status line or not, colours or
// not. --progress and --color say what the user wants; whether stdout is a
// terminal, TERM, NO_COLOR and CLICOLOR_FORCE decide what "auto" means.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace ptest {

enum class ProgressMode {
  bar,      // the default: a status line with a bar and what each worker runs
  counter,  // a status line with the count alone
  none,     // no status line
};

enum class ColorMode { auto_, always, never };

std::optional<ProgressMode> parse_progress_mode(std::string_view text);
std::optional<ColorMode> parse_color_mode(std::string_view text);

// What the environment says, read once by the command.
struct TerminalFacts {
  bool is_tty = false;         // stdout is a terminal
  bool dumb = false;           // TERM is unset, empty or "dumb": no cursor movement
  bool no_color = false;       // NO_COLOR is set and not empty (no-color.org)
  bool clicolor_force = false; // CLICOLOR_FORCE is set and not "0"
  std::size_t columns = 80;    // the terminal's width, when it says
};

TerminalFacts terminal_facts_of_stdout();

// The status line is drawn on a terminal that can move the cursor, never in
// a pipe or a file, whatever --progress says.
std::optional<ProgressMode> live_progress(ProgressMode wanted, const TerminalFacts& facts);

// --color always and never win; auto means colours on a terminal, unless
// NO_COLOR; CLICOLOR_FORCE turns them on even in a pipe.
bool use_color(ColorMode wanted, const TerminalFacts& facts);

}  // namespace ptest
