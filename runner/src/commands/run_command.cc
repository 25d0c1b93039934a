#include "commands/run_command.h"

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <random>

#include "execution/process.h"
#include "execution/process_executor.h"
#include "execution/process_fixture_host.h"
#include "execution/scratch_directories.h"
#include "formats/collection_json.h"
#include "formats/history.h"
#include "formats/manifest.h"
#include "model/exit_status.h"
#include "plan/marker_check.h"
#include "reports/history_recorder.h"
#include "reports/json_report.h"
#include "reports/junit_report.h"
#include "reports/terminal_reporter.h"
#include "run/run_loop.h"
#include "util/atomic_file.h"
#include "util/cpu_count.h"
#include "util/paths.h"

extern char** environ;

namespace ptest {

namespace {

int fail(int status, const std::string& message) {
  std::fprintf(stderr, "ptest: error: %s\n", message.c_str());
  return status;
}

// Inside a build tree, the manifest is found from the working directory up.
std::string find_manifest() {
  char buffer[4096];
  if (!::getcwd(buffer, sizeof buffer)) return {};
  for (std::string dir = buffer;; dir = dir.substr(0, dir.rfind('/'))) {
    const std::string candidate = (dir.empty() ? "" : dir) + "/ptest/manifest.json";
    if (path_exists(candidate)) return candidate;
    if (dir.empty()) return {};
  }
}

std::string new_testrun_uid() {
  std::random_device random;
  char text[33];
  for (int i = 0; i < 4; ++i) std::snprintf(text + 8 * i, 9, "%08x", random());
  return text;
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
}

std::vector<std::string> current_environment() {
  std::vector<std::string> environment;
  for (char** entry = environ; *entry; ++entry) environment.emplace_back(*entry);
  return environment;
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

// The history is a help, not a result: failing to keep it is a warning.
void save_history(const std::string& path, const HistoryRead& read, const History& updates) {
  if (updates.empty()) return;
  try {
    update_history(path, read, updates);
  } catch (const FileError& error) {
    std::fprintf(stderr, "ptest: warning: duration history not saved: %s\n", error.what());
  }
}

}  // namespace

int run_command(const RunOptions& options) {
  const std::string manifest_path = options.manifest_path.empty() ? find_manifest() : options.manifest_path;
  if (manifest_path.empty())
    return fail(kExitUsageError,
                "no manifest: ptest/manifest.json is not in this directory or above; "
                "run ptest inside a build tree or pass --manifest");
  Manifest manifest;
  std::vector<std::size_t> selected;
  try {
    manifest = read_manifest(manifest_path);
    if (options.list_markers) {
      print_markers(manifest);
      return kExitOk;
    }
    const Selection selection(options.selection);
    check_markers(selection, manifest);
    selected = selection.apply(manifest);
  } catch (const UserError& error) {
    return fail(kExitUsageError, error.what());
  }

  if (options.collect_only) {
    if (options.json) std::fputs(collection_to_json(manifest, selected).c_str(), stdout);
    else
      for (std::size_t index : selected) std::printf("%s\n", manifest.cases[index].id.c_str());
    std::fflush(stdout);
    return selected.empty() ? kExitNoTests : kExitOk;
  }
  if (selected.empty()) {
    std::printf("ptest: no tests selected (%zu in the manifest)\n", manifest.cases.size());
    return kExitNoTests;
  }

  std::vector<std::size_t> runnable, disabled;
  for (std::size_t index : selected) {
    TestCase& test_case = manifest.cases[index];
    if (options.timeout) test_case.timeout = *options.timeout;
    (test_case.disabled ? disabled : runnable).push_back(index);
  }
  try {
    std::vector<bool> checked(manifest.targets.size(), false);
    for (std::size_t index : runnable) {
      const std::size_t target_index = manifest.cases[index].target;
      if (checked[target_index]) continue;
      checked[target_index] = true;
      const Target& target = manifest.targets[target_index];
      if (::access(target.executable.c_str(), X_OK) != 0)
        throw UsageError("test binary '" + target.executable + "' of target '" + target.name +
                         "': " + std::strerror(errno) + "; rebuild the project");
    }
    check_writable("--junitxml", options.junitxml);
    check_writable("--report-json", options.report_json);
  } catch (const UsageError& error) {
    return fail(kExitUsageError, error.what());
  }

  const std::string history_path = sibling_path(manifest_path, "history.json");
  HistoryRead history = read_history(history_path);
  if (!history.warning.empty()) std::fprintf(stderr, "ptest: warning: %s\n", history.warning.c_str());

  try {
    Scheduler scheduler(manifest.cases, runnable,
                        scheduler_options(options, manifest, history.history));
    ScratchDirectories scratch(scheduler.worker_count());
    ProcessExecutorOptions executor_options;
    executor_options.worker_count = scheduler.worker_count();
    executor_options.base_environment = current_environment();
    executor_options.testrun_uid = new_testrun_uid();
    executor_options.worker_tmpdirs = scratch.paths();
    ProcessExecutor executor(manifest, executor_options);

    TerminalOptions terminal;
    terminal.verbosity = options.verbosity;
    terminal.live = ::isatty(STDOUT_FILENO) && options.verbosity >= 0;
    TerminalReporter terminal_reporter(terminal);
    JsonReport json_report(manifest);
    JunitReport junit_report(manifest);
    HistoryRecorder history_recorder;
    Reporters reporters;
    reporters.add(terminal_reporter);
    reporters.add(history_recorder);
    if (!options.report_json.empty()) reporters.add(json_report);
    if (!options.junitxml.empty()) reporters.add(junit_report);

    reporters.run_started(RunStart{selected.size(), scheduler.worker_count(),
                                   dist_mode_name(options.dist), executor_options.testrun_uid});
    ProcessFixtureHost fixture_host(executor_options.base_environment, scratch.root());
    RunLoopOptions loop_options;
    loop_options.fixtures = &fixture_host;
    loop_options.maxfail = options.maxfail;
    loop_options.max_worker_restart =
        options.max_worker_restart.value_or(4 * static_cast<std::size_t>(scheduler.worker_count()));
    const RunSummary summary = run_tests(manifest, scheduler, executor, reporters, disabled, loop_options);

    save_history(history_path, history, history_recorder.updates());
    struct rusage usage {};
    ::getrusage(RUSAGE_SELF, &usage);
    json_report.set_runner_usage(
        static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
            static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6,
        usage.ru_maxrss);
    if (!options.report_json.empty()) write_file_atomically(options.report_json, json_report.render());
    if (!options.junitxml.empty()) write_file_atomically(options.junitxml, junit_report.render());
    if (summary.interrupted) return kExitInterrupted;
    return summary.failures() > 0 ? kExitTestsFailed : kExitOk;
  } catch (const FileError& error) {
    return fail(kExitInternalError, error.what());
  } catch (const ProcessError& error) {
    return fail(kExitInternalError, error.what());
  }
}

}  // namespace ptest
