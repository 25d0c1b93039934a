// The live status line at the bottom of a terminal, as cargo and nextest
// draw it: elapsed time, a bar, done/total, failures so far, the ETA, and
// what each worker runs now with its time, longest first, cut to the
// terminal's width. A pure function of what the terminal reporter knows, so
// tests compare strings.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "reports/terminal_style.h"

namespace ptest {

struct RunningCase {
  int worker = 0;
  std::string name;  // Suite.Test: the target is left out to save room
  double seconds = 0;  // how long it has run
};

struct StatusLineInput {
  ProgressMode mode = ProgressMode::bar;
  double elapsed = 0;
  std::size_t done = 0, total = 0, failures = 0;
  std::optional<double> eta;  // seconds; none: not known yet
  std::vector<RunningCase> running;
  std::size_t width = 80;  // the terminal's columns; the line never reaches the last one
  bool color = false;
};

// The line's text, without "\r" or the erase that the reporter puts around
// it. ProgressMode::counter is "[done/total] N failed" alone; none is not
// drawn at all.
std::string status_line(const StatusLineInput& input);

// "4.2s", "1m05s", "1h02m": short enough for a status line.
std::string short_duration(double seconds);

}  // namespace ptest
