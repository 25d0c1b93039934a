#include "reports/terminal_reporter.h"

#include <algorithm>
#include <chrono>

#include "reports/worker_balance.h"

namespace ptest {

namespace {

double wall_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

const char* verdict(Outcome outcome) {
  switch (outcome) {
    case Outcome::passed: return "PASSED";
    case Outcome::failed: return "FAILED";
    case Outcome::skipped: return "SKIPPED";
    case Outcome::crashed: return "CRASHED";
    case Outcome::timeout: return "TIMEOUT";
  }
  return "?";
}

}  // namespace

void TerminalReporter::run_started(const RunStart& start) {
  selected_ = start.selected;
  if (options_.verbosity < 0) return;
  std::fprintf(options_.out, "ptest: %zu case%s, %d worker%s [%s], run %s\n", start.selected,
               start.selected == 1 ? "" : "s", start.workers, start.workers == 1 ? "" : "s",
               start.dist_mode.c_str(), start.testrun_uid.c_str());
  std::fflush(options_.out);
}

void TerminalReporter::case_finished(const TestCase& test_case, const CaseResult& result) {
  ++done_;
  if (is_failure(result.outcome)) {
    ++failures_;
    failures_seen_.push_back({&test_case, result});
  }
  if (options_.verbosity > 0) {
    clear_progress();
    std::fprintf(options_.out, "[%s] %-7s %s (%.3fs)\n", worker_name(result.worker).c_str(),
                 verdict(result.outcome), test_case.id.c_str(), result.stop - result.start);
  }
  show_progress(false);
}

void TerminalReporter::show_progress(bool force) {
  if (!options_.live) return;
  const double now = options_.clock ? options_.clock() : wall_seconds();
  if (!force && now - last_progress_ < 0.1) return;  // a few redraws a second are enough
  last_progress_ = now;
  std::fprintf(options_.out, "\r[%zu/%zu] %zu failed", done_, selected_, failures_);
  std::fflush(options_.out);
  progress_shown_ = true;
}

void TerminalReporter::clear_progress() {
  if (!progress_shown_) return;
  std::fprintf(options_.out, "\r\033[K");
  progress_shown_ = false;
}

void TerminalReporter::run_finished(const RunSummary& summary) {
  clear_progress();
  std::FILE* out = options_.out;
  print_failures();
  print_run_sections();
  print_short_summary();
  if (!summary.stop_reason.empty()) std::fprintf(out, "ptest: %s\n", summary.stop_reason.c_str());
  std::fprintf(out, "%s\n", summary_line(summary).c_str());
  std::fflush(out);
}

void TerminalReporter::print_failures() const {
  if (failures_seen_.empty()) return;
  std::FILE* out = options_.out;
  std::fprintf(out, "\n=================================== FAILURES ===================================\n");
  for (const Failure& failure : failures_seen_) {
    std::fprintf(out, "____ %s ____\n", failure.test_case->id.c_str());
    if (!failure.test_case->file.empty())
      std::fprintf(out, "%s:%d\n", failure.test_case->file.c_str(), failure.test_case->line);
    if (!failure.result.output.empty()) {
      std::fputs(failure.result.output.c_str(), out);
      if (failure.result.output.back() != '\n') std::fputc('\n', out);
    }
    if (!failure.result.message.empty()) std::fprintf(out, "ptest: %s\n", failure.result.message.c_str());
  }
}

// --durations when asked for, and the workers' balance unless -q: only
// after a run that started processes, since they tell of those.
void TerminalReporter::print_run_sections() const {
  const Timeline* timeline = options_.timeline;
  if (!timeline) return;
  if (options_.durations && options_.manifest) {
    const std::string text = slowest_cases_text(*options_.manifest, timeline->results(), *options_.durations);
    if (!text.empty()) std::fprintf(options_.out, "\n%s", text.c_str());
  }
  const WorkerBalance balance = worker_balance(*timeline);
  const bool processes_ran = std::any_of(balance.workers.begin(), balance.workers.end(),
                                         [](const WorkerLoad& load) { return load.processes > 0; });
  if (options_.verbosity >= 0 && processes_ran)
    std::fprintf(options_.out, "\n%s", worker_balance_text(balance).c_str());
}

void TerminalReporter::print_short_summary() const {
  if (failures_seen_.empty()) return;
  std::FILE* out = options_.out;
  std::fprintf(out, "\n=========================== short test summary info ============================\n");
  for (const Failure& failure : failures_seen_)
    std::fprintf(out, "%s %s%s%s\n", verdict(failure.result.outcome), failure.test_case->id.c_str(),
                 failure.result.message.empty() ? "" : " - ", failure.result.message.c_str());
}

}  // namespace ptest
