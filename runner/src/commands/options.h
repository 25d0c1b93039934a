// The runner's command line: flags as pytest and pytest-xdist spell them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/dist_mode.h"
#include "model/errors.h"
#include "plan/last_failed.h"
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
  // Scale-out across CI machines (docs/ci.md).
  std::string shard;         // --shard K/N or 'auto'; empty: not sharded
  std::string plan_path;     // --plan: the shards as `ptest plan` wrote them
  std::string history_path;  // --history; empty: history.json beside the manifest
  // Flaky tests (flaky_options.h).
  std::optional<int> reruns;  // --reruns: replaces every case's RERUNS
  double reruns_delay = 0;    // --reruns-delay, seconds
  bool flaky_fails = false;   // --flaky-result fail: a flaky case fails the run
  LastFailedMode last_failed = LastFailedMode::off;  // --lf, --ff
  bool last_failed_none = false;                     // --lfnf none
  bool random_order = false;                         // --random-order, or a seed given
  std::optional<std::uint64_t> random_order_seed;    // empty: a new one (or the last run's)
  bool random_order_seed_last = false;               // --random-order-seed last
  int count = 1;                                     // --count: rounds of the selection
  bool list_flaky = false;                           // --flaky: list, run nothing
  // Seeing the run: the terminal, the end-of-run sections, the streaming log and the timeline.
  ProgressMode progress = ProgressMode::bar;
  ColorMode color = ColorMode::auto_;
  std::optional<std::size_t> durations;  // --durations N: the N slowest cases; 0: all
  double durations_min = 0.005;          // --durations-min: leave out quicker cases
  std::string report_log;                // --report-log: JSON Lines as the run goes
  std::string trace;                     // --trace: Chrome trace-event JSON
  std::string html;                      // --html: a self-contained page with the timeline
  double slow = 60;                      // --slow: announce cases running longer, once per period; 0: never
  // Processes a test leaves running (docs/runner.md#leaked-processes).
  double leak_timeout = 0.1;  // --leak-timeout: seconds an orphan may take to end
  bool leak_fails = false;    // --leak-result fail
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
