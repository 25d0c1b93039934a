#include "commands/run_command.h"

#include <sys/resource.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <random>

#include "commands/flaky_listing.h"
#include "process/process.h"
#include "commands/interrupted_runs.h"
#include "commands/leak_setup.h"
#include "commands/manifest_location.h"
#include "commands/run_order.h"
#include "commands/shard_selection.h"
#include "process/process.h"
#include "execution/process_executor.h"
#include "execution/process_fixture_host.h"
#include "execution/scratch_directories.h"
#include "execution/shard_variables.h"
#include "formats/collection_json.h"
#include "formats/history.h"
#include "formats/manifest.h"
#include "model/exit_status.h"
#include "plan/marker_check.h"
#include "plan/random_order.h"
#include "reports/history_recorder.h"
#include "reports/html_report.h"
#include "reports/journal_writer.h"
#include "reports/json_report.h"
#include "reports/junit_report.h"
#include "reports/report_log.h"
#include "reports/terminal_style.h"
#include "reports/timeline.h"
#include "reports/trace_report.h"
#include "reports/terminal_reporter.h"
#include "run/run_loop.h"
#include "util/atomic_file.h"
#include "util/cpu_count.h"
#include "util/paths.h"

namespace ptest {

namespace {

int fail(int status, const std::string& message) {
  std::fprintf(stderr, "ptest: error: %s\n", message.c_str());
  return status;
}

// Step 1: load and select.

std::vector<std::size_t> select_cases(const SelectionOptions& options, const Manifest& manifest) {
  const Selection selection(options);
  check_markers(selection, manifest);
  return selection.apply(manifest);
}

// --collect-only: the selected case ids, or with --json all about them.
int print_collection(const Manifest& manifest, const std::vector<std::size_t>& selected, bool json) {
  if (json) std::fputs(collection_to_json(manifest, selected).c_str(), stdout);
  else
    for (std::size_t index : selected) std::printf("%s\n", manifest.cases[index].id.c_str());
  std::fflush(stdout);
  return selected.empty() ? kExitNoTests : kExitOk;
}

// Step 2: what runs, and whether it can.

// The selected cases the run hands out, and the DISABLED_ ones it only reports as skipped.
struct RunCases {
  std::vector<std::size_t> runnable, disabled;
  std::size_t selected() const { return runnable.size() + disabled.size(); }
  std::vector<std::size_t> selected_indices() const {
    std::vector<std::size_t> all = runnable;
    all.insert(all.end(), disabled.begin(), disabled.end());
    return all;
  }
};

// Also gives every selected case the --timeout and --reruns, which replace
// the manifest's TIMEOUT and RERUNS.
RunCases prepare_cases(const RunOptions& options, Manifest& manifest, const std::vector<std::size_t>& selected) {
  RunCases cases;
  for (std::size_t index : selected) {
    TestCase& test_case = manifest.cases[index];
    if (options.timeout) test_case.timeout = *options.timeout;
    if (options.reruns) test_case.reruns = *options.reruns;
    (test_case.disabled ? cases.disabled : cases.runnable).push_back(index);
  }
  return cases;
}

// Every binary the run starts must be there and executable: a missing one
// is a build to redo, not a crash of every case in it.
void check_binaries(const Manifest& manifest, const std::vector<std::size_t>& runnable) {
  std::vector<bool> checked(manifest.targets.size(), false);
  for (std::size_t index : runnable) {
    const std::size_t target_index = manifest.cases[index].target;
    if (checked[target_index]) continue;
    checked[target_index] = true;
    const Target& target = manifest.targets[target_index];
    // A bare name (ptest_add_test(COMMAND sh ...)) is found in PATH when it starts.
    if (target.executable.find('/') == std::string::npos) continue;
    if (::access(target.executable.c_str(), X_OK) != 0)
      throw UsageError("test binary '" + target.executable + "' of target '" + target.name +
                       "': " + std::strerror(errno) + "; rebuild the project");
  }
}

// The file itself: not a directory, and one this process can open for
// writing (tried, since access() says yes to root even where the file
// system refuses). A new file is made and removed again.
void check_file_writable(const std::string& flag, const std::string& path) {
  struct stat info;
  const bool exists = ::stat(path.c_str(), &info) == 0;
  if (exists && S_ISDIR(info.st_mode))
    throw UsageError("argument " + flag + " '" + path + "': is a directory, not a file");
  const int fd = ::open(path.c_str(), exists ? O_WRONLY : O_WRONLY | O_CREAT | O_EXCL, 0644);
  if (fd < 0)
    throw UsageError("argument " + flag + " '" + path + "': cannot be written (" + std::strerror(errno) + ")");
  ::close(fd);
  if (!exists) ::unlink(path.c_str());
}

// A report must be writable before the run starts, not found unwritable after it.
void check_writable(const std::string& flag, const std::string& path) {
  if (path.empty()) return;
  const std::string dir = parent_directory(path);
  struct stat info;
  int error = 0;
  if (::stat(dir.c_str(), &info) != 0) error = errno;
  else if (!S_ISDIR(info.st_mode)) error = ENOTDIR;
  else if (::access(dir.c_str(), W_OK) != 0) error = errno;
  if (error != 0)
    throw UsageError("argument " + flag + " '" + path + "': directory '" + dir + "' is not writable (" +
                     std::strerror(error) + ")");
  check_file_writable(flag, path);
}

void check_report_paths(const RunOptions& options) {
  check_writable("--junitxml", options.junitxml);
  check_writable("--report-json", options.report_json);
  check_writable("--report-log", options.report_log);
  check_writable("--trace", options.trace);
  check_writable("--html", options.html);
}

// Step 3: the parts.

std::string new_testrun_uid() {
  std::random_device random;
  char text[33];
  for (int i = 0; i < 4; ++i) std::snprintf(text + 8 * i, 9, "%08x", random());
  return text;
}

// The status line is redrawn a few times a second while cases run; slow
// cases are announced within a second of their period, the shortest of
// --slow's and the cases' own (SLOW).
double tick_period(const RunOptions& options, const Manifest& manifest, const std::vector<std::size_t>& runnable) {
  if (options.verbosity >= 0 && live_progress(options.progress, terminal_facts_of_stdout())) return 0.1;
  if (options.slow <= 0) return 0;
  double shortest = options.slow;
  for (std::size_t index : runnable)
    if (manifest.cases[index].slow > 0) shortest = std::min(shortest, manifest.cases[index].slow);
  return std::min(1.0, shortest / 4);
}

ProcessExecutorOptions process_executor_options(int workers, const ScratchDirectories& scratch) {
  ProcessExecutorOptions options;
  options.worker_count = workers;
  options.base_environment = without_shard_variables(current_environment());
  options.testrun_uid = new_testrun_uid();
  options.worker_tmpdirs = scratch.paths();
  return options;
}

SchedulerOptions scheduler_options(const RunOptions& options, const Manifest& manifest, const History& history) {
  SchedulerOptions scheduler;
  scheduler.mode = options.dist;
  scheduler.workers = options.workers > 0 ? options.workers : usable_cpu_count();
  if (history.empty()) return scheduler;
  scheduler.known_durations.assign(manifest.cases.size(), -1);
  scheduler.failed_last.assign(manifest.cases.size(), false);
  for (std::size_t i = 0; i < manifest.cases.size(); ++i) {
    auto it = history.find(manifest.cases[i].id);
    if (it == history.end()) continue;
    scheduler.known_durations[i] = it->second.duration;
    scheduler.failed_last[i] = it->second.failed;
  }
  return scheduler;
}

RunLoopOptions run_loop_options(const RunOptions& options, FixtureHost& fixtures, int workers) {
  RunLoopOptions loop;
  loop.fixtures = &fixtures;
  loop.maxfail = options.maxfail;
  loop.reruns_delay = options.reruns_delay;
  loop.max_worker_restart = options.max_worker_restart.value_or(4 * static_cast<std::size_t>(workers));
  return loop;
}

// The runner's own CPU time and peak memory, which the JSON report carries for the benchmark.
void add_runner_usage(JsonReport& report) {
  struct rusage usage {};
  ::getrusage(RUSAGE_SELF, &usage);
  report.set_runner_usage(static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                              static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6,
                          usage.ru_maxrss);
}

// Whoever hears about the run: the timeline, the terminal and the history
// recorder always, the JSON and JUnit reports, the log and the trace when
// asked for.
class RunReporters {
 public:
  RunReporters(const RunOptions& options, const Manifest& manifest, const RunCases& cases, const Executor& executor,
               const History& history)
      : terminal_(terminal_options(options, manifest, timeline_, cases, history)),
        json_(manifest),
        junit_(manifest),
        html_(manifest, timeline_),
        manifest_(manifest),
        json_path_(options.report_json),
        junit_path_(options.junitxml),
        trace_path_(options.trace),
        html_path_(options.html) {
    all_.add(timeline_);  // first: the terminal reads it at the end of the run
    if (!options.report_log.empty()) {
      report_log_ = std::make_unique<ReportLog>(options.report_log, manifest, cases.selected_indices(),
                                                [&executor] { return executor.now(); });
      all_.add(*report_log_);
    }
    all_.add(terminal_);
    all_.add(history_);
    if (!json_path_.empty()) all_.add(json_);
    if (!junit_path_.empty()) all_.add(junit_);
    if (!html_path_.empty()) all_.add(html_);
  }
  RunReporters(const RunReporters&) = delete;  // all_ points at the members
  RunReporters& operator=(const RunReporters&) = delete;

  Reporter& all() { return all_; }
  void set_shard(const ShardRecord& shard) { json_.set_shard(shard); }
  const History& history_updates() const { return history_.updates(); }

  // Step 5: the reports asked for, each replaced atomically. Throws FileError.
  void write_reports() {
    if (!json_path_.empty()) {
      add_runner_usage(json_);
      write_file_atomically(json_path_, json_.render());
    }
    if (!junit_path_.empty()) write_file_atomically(junit_path_, junit_.render());
    if (!trace_path_.empty()) write_file_atomically(trace_path_, trace_json(manifest_, timeline_));
    if (!html_path_.empty()) write_file_atomically(html_path_, html_.render());
  }

 private:
  static TerminalOptions terminal_options(const RunOptions& options, const Manifest& manifest,
                                          const Timeline& timeline, const RunCases& cases, const History& history) {
    TerminalOptions terminal;
    terminal.verbosity = options.verbosity;
    terminal.timeline = &timeline;
    terminal.manifest = &manifest;
    if (options.durations) terminal.durations = DurationsOptions{*options.durations, options.durations_min};
    const TerminalFacts facts = terminal_facts_of_stdout();
    const std::optional<ProgressMode> live = live_progress(options.progress, facts);
    terminal.live = live && options.verbosity >= 0;
    if (live) terminal.progress = *live;
    terminal.color = use_color(options.color, facts);
    terminal.width = facts.columns;
    terminal.slow_period = options.slow;
    if (terminal.live) terminal.expected_durations = expected_durations(manifest, cases, history);
    return terminal;
  }

  // For the ETA: each case's last duration, and the mean of those for a
  // case the history does not know; empty when it knows none of the run.
  static std::vector<double> expected_durations(const Manifest& manifest, const RunCases& cases,
                                                const History& history) {
    std::vector<double> expected(manifest.cases.size(), -1);
    double known_sum = 0;
    std::size_t known = 0;
    for (std::size_t index : cases.runnable) {
      auto it = history.find(manifest.cases[index].id);
      if (it == history.end()) continue;
      expected[index] = it->second.duration;
      known_sum += it->second.duration;
      ++known;
    }
    if (known == 0) return {};
    for (std::size_t index : cases.runnable)
      if (expected[index] < 0) expected[index] = known_sum / static_cast<double>(known);
    return expected;
  }

  Timeline timeline_;
  std::unique_ptr<ReportLog> report_log_;
  TerminalReporter terminal_;
  JsonReport json_;
  JunitReport junit_;
  HtmlReport html_;
  HistoryRecorder history_;
  Reporters all_;
  const Manifest& manifest_;
  std::string json_path_, junit_path_, trace_path_, html_path_;
};

// Step 5: what the run leaves behind (the reports: RunReporters::write_reports).

// Why the history could not be saved (a full disk, a read-only tree), or "":
// the reports are still written, then the run fails as the runner's (exit 3).
std::string save_history(const std::string& path, const HistoryRead& read, const History& updates) {
  if (updates.empty()) return "";
  try {
    update_history(path, read, updates);
  } catch (const FileError& error) {
    return std::string("duration history not saved: ") + error.what();
  }
  return "";
}

int exit_status(const RunSummary& summary, const RunOptions& options) {
  if (summary.interrupted) return kExitInterrupted;
  if (options.flaky_fails && summary.flaky > 0) return kExitTestsFailed;
  return summary.failures() > 0 ? kExitTestsFailed : kExitOk;
}

// Steps 3 to 5: builds the parts, runs, and writes the reports and the
// duration history. Throws FileError and ProcessError.
int run_and_report(const RunOptions& options, const std::string& manifest_path, const Manifest& manifest,
                   const RunCases& cases, const RunOrder& order, const HistoryRead& history,
                   const std::optional<ShardRun>& shard) {
  const std::string history_path = ptest::history_path(options.history_path, manifest_path);
  if (!history.warning.empty()) std::fprintf(stderr, "ptest: warning: %s\n", history.warning.c_str());

  SchedulerOptions ordered = scheduler_options(options, manifest, history.history);
  ordered.keep_order = order.keep_order;
  ordered.fixed_batches = order.fixed_batches;
  Scheduler scheduler(manifest.cases, cases.runnable, std::move(ordered));
  const int workers = scheduler.worker_count();
  ScratchDirectories scratch(workers);
  ProcessExecutorOptions executor_options = process_executor_options(workers, scratch);
  if (order.seed) executor_options.gtest_random_seed = gtest_random_seed(*order.seed);
  executor_options.tick_period = tick_period(options, manifest, cases.runnable);
  const LeakSetup leak_setup(options, executor_options.testrun_uid);  // outlives the executor
  executor_options.leaks = leak_setup.options();
  ProcessExecutor executor(manifest, executor_options);
  ProcessFixtureHost fixture_host(executor_options.base_environment, scratch.root());
  RunReporters reporters(options, manifest, cases, executor, history.history);
  if (shard)
    reporters.set_shard(ShardRecord{shard->spec.index, shard->spec.total, shard->digest, shard->plan_selected,
                                    shard->cases.size(), shard->cases});

  // The journal: what a killed runner leaves for the next run to tell of.
  const std::vector<std::string> owed_to_killed_runs = report_interrupted_runs(manifest_path);
  JournalWriter journal(journal_path(manifest_path, executor_options.testrun_uid), manifest, cases.selected_indices());
  Reporters journaled;
  journaled.add(reporters.all());
  journaled.add(journal);

  journaled.run_started(
      RunStart{cases.selected(), workers, dist_mode_name(options.dist), executor_options.testrun_uid, order.seed});
  const RunSummary summary = run_tests(manifest, scheduler, executor, journaled, cases.disabled,
                                       run_loop_options(options, fixture_host, workers));

  const std::string history_error = save_history(history_path, history, reporters.history_updates());
  if (!history_error.empty()) std::fprintf(stderr, "ptest: error: %s\n", history_error.c_str());
  save_last_run(manifest_path, manifest, cases.runnable, owed_to_killed_runs, reporters.history_updates(),
                executor_options.testrun_uid, order.seed);
  reporters.write_reports();
  return history_error.empty() ? exit_status(summary, options) : kExitInternalError;
}

}  // namespace

namespace {

// The shard's cases in the order the run chose for the whole selection
// (--random-order, --ff): the shard's own list is in plan order.
std::vector<std::size_t> in_run_order(const std::vector<std::size_t>& ordered, const std::vector<std::size_t>& shard,
                                      std::size_t case_count) {
  std::vector<bool> in_shard(case_count, false);
  for (std::size_t index : shard) in_shard[index] = true;
  std::vector<std::size_t> kept;
  for (std::size_t index : ordered)
    if (in_shard[index]) kept.push_back(index);
  return kept;
}

}  // namespace

// A failure before the run is the user's to fix (a usage error); one while
// the run's parts work (scratch space, processes, reports) is the runner's.
int run_command(const RunOptions& options) {
  std::string manifest_path;
  Manifest manifest;
  RunOrder order;
  std::optional<HistoryRead> history;
  std::optional<ShardRun> shard;
  try {
    manifest_path = locate_manifest(options.manifest_path);
    manifest = read_manifest(manifest_path);
    if (options.list_markers) {
      print_markers(manifest);
      return kExitOk;
    }
    const std::vector<std::size_t> selected = select_cases(options.selection, manifest);
    if (options.list_flaky) return print_flaky_cases(manifest_path, manifest, selected);
    // --lf and --ff choose from the whole selection; a shard then takes its part.
    order = order_run(options, manifest_path, manifest, selected);
    if (!options.shard.empty()) {
      history = read_run_history(options.history_path, manifest_path);
      shard = shard_of(resolve_shard_spec(options.shard), options.plan_path, manifest, order.selected, options.dist,
                       history->history);
      order.selected = in_run_order(order.selected, shard->cases, manifest.cases.size());
    }
  } catch (const UserError& error) {
    return fail(kExitUsageError, error.what());
  }
  // An empty shard (more shards than units of work) is not an empty
  // selection: it still writes its reports, so that `ptest merge --verify`
  // sees every shard.
  const bool empty_shard = shard && shard->plan_selected > 0 && order.selected.empty();
  if (options.collect_only) {
    const int status = print_collection(manifest, order.selected, options.json);
    return empty_shard ? kExitOk : status;
  }
  if (order.selected.empty() && !empty_shard) {
    if (!order.note.empty()) std::printf("ptest: %s\n", order.note.c_str());
    std::printf("ptest: no tests selected (%zu in the manifest)\n", manifest.cases.size());
    return kExitNoTests;
  }
  if (shard)
    std::fprintf(stderr, "ptest: shard %d/%d of plan %s: %zu of %zu selected cases\n", shard->spec.index,
                 shard->spec.total, shard->digest.c_str(), shard->cases.size(), shard->plan_selected);
  return run_selected(options, manifest_path, manifest, order, shard, std::move(history));
}

std::string manifest_path_for(const RunOptions& options) { return locate_manifest(options.manifest_path); }

int run_selected(const RunOptions& options, const std::string& manifest_path, Manifest& manifest,
                 const RunOrder& order, const std::optional<ShardRun>& shard, std::optional<HistoryRead> history) {
  const RunCases cases = prepare_cases(options, manifest, order.selected);
  try {
    check_binaries(manifest, cases.runnable);
    check_report_paths(options);
    if (!history) history = read_run_history(options.history_path, manifest_path);
  } catch (const UsageError& error) {
    return fail(kExitUsageError, error.what());
  }
  if (!order.note.empty()) std::printf("ptest: %s\n", order.note.c_str());

  try {
    return run_and_report(options, manifest_path, manifest, cases, order, *history, shard);
  } catch (const FileError& error) {
    return fail(kExitInternalError, error.what());
  } catch (const ProcessError& error) {
    return fail(kExitInternalError, error.what());
  }
}

}  // namespace ptest
