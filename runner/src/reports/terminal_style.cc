#include "reports/terminal_style.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

namespace ptest {

std::optional<ProgressMode> parse_progress_mode(std::string_view text) {
  if (text == "bar") return ProgressMode::bar;
  if (text == "counter") return ProgressMode::counter;
  if (text == "none") return ProgressMode::none;
  return std::nullopt;
}

std::optional<ColorMode> parse_color_mode(std::string_view text) {
  if (text == "auto") return ColorMode::auto_;
  if (text == "always") return ColorMode::always;
  if (text == "never") return ColorMode::never;
  return std::nullopt;
}

TerminalFacts terminal_facts_of_stdout() {
  TerminalFacts facts;
  facts.is_tty = ::isatty(STDOUT_FILENO) != 0;
  const char* term = std::getenv("TERM");
  facts.dumb = !term || !*term || std::strcmp(term, "dumb") == 0;
  const char* no_color = std::getenv("NO_COLOR");
  facts.no_color = no_color && *no_color;
  const char* force = std::getenv("CLICOLOR_FORCE");
  facts.clicolor_force = force && *force && std::strcmp(force, "0") != 0;
  struct winsize size {};
  if (facts.is_tty && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) facts.columns = size.ws_col;
  return facts;
}

std::optional<ProgressMode> live_progress(ProgressMode wanted, const TerminalFacts& facts) {
  if (wanted == ProgressMode::none || !facts.is_tty || facts.dumb) return std::nullopt;
  return wanted;
}

bool use_color(ColorMode wanted, const TerminalFacts& facts) {
  if (wanted != ColorMode::auto_) return wanted == ColorMode::always;
  if (facts.no_color) return false;
  if (facts.clicolor_force) return true;
  return facts.is_tty && !facts.dumb;
}

}  // namespace ptest
