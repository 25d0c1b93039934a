// The runner's command line: flags as pytest and pytest-xdist spell them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "model/dist_mode.h"
#include "model/errors.h"
#include "plan/selection.h"
#include "reports/terminal_style.h"

namespace ptest {

struct RunOptions {
  std::string manifest_path;  // empty: find ptest/manifest.json from the working directory up
  int workers = 0;            // 0: auto
  DistMode dist = DistMode::worksteal;
  SelectionOptions selection;
  bool collect_only = false;
  bool json = false;          // with --collect-only: the cases as JSON
  bool list_markers = false;  // --markers
  std::optional<double> timeout;  // --timeout: replaces every case's own timeout
  std::size_t maxfail = 0;        // 0: no limit; -x is 1
  std::optional<std::size_t> max_worker_restart;  // default: 4 per worker, as pytest-xdist
  std::string junitxml;
  std::string report_json;
  int verbosity = 0;
  // Seeing the run: the terminal, the end-of-run sections, the streaming log and the timeline.
  ProgressMode progress = ProgressMode::bar;
  ColorMode color = ColorMode::auto_;
  std::optional<std::size_t> durations;  // --durations N: the N slowest cases; 0: all
  double durations_min = 0.005;          // --durations-min: leave out quicker cases
  std::string report_log;                // --report-log: JSON Lines as the run goes
  std::string trace;                     // --trace: Chrome trace-event JSON
  std::string html;                      // --html: a self-contained page with the timeline
  double slow = 60;                      // --slow: announce cases running longer, once per period; 0: never
};

// What parsing decided: run with these options, or exit at once (after
// --help or --version, whose text has been printed).
struct ParsedCommandLine {
  RunOptions options;
  std::optional<int> exit_now;
};

// `arguments` excludes the program name. Throws UsageError with a one-line reason.
ParsedCommandLine parse_command_line(const std::vector<std::string>& arguments);

// PTEST_ADDOPTS as arguments: split on white space, with '...' and "..." quoting.
std::vector<std::string> split_addopts(const std::string& text);

}  // namespace ptest
