#include "reports/terminal_reporter.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

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
    case Outcome::flaky: return "FLAKY";
  }
  return "?";
}

// "FLAKY 2/3": passed on the 2nd of 3 attempts that --reruns 2 allows.
std::string flaky_verdict(const TestCase& test_case, const CaseResult& result) {
  return std::string("FLAKY ") + std::to_string(result.earlier_attempts.size() + 1) + "/" +
         std::to_string(std::max(test_case.reruns, 0) + 1);
}

// With --color: green for a pass, yellow for a skip or a flaky pass, red for the rest.
std::string painted(const std::string& text, Outcome outcome, bool color) {
  if (!color) return text;
  const char* style = outcome == Outcome::passed                                   ? "\033[32m"
                      : outcome == Outcome::skipped || outcome == Outcome::flaky ? "\033[33m"
                                                                                  : "\033[31m";
  return style + text + "\033[0m";
}

}  // namespace

void TerminalReporter::run_started(const RunStart& start) {
  selected_ = start.selected;
  workers_ = start.workers > 0 ? start.workers : 1;
  running_.assign(static_cast<std::size_t>(workers_), Running{});
  started_at_ = now();
  for (double expected : options_.expected_durations)
    if (expected >= 0) expected_left_ += expected;
  if (options_.verbosity < 0) return;
  std::fprintf(options_.out, "ptest: %zu case%s, %d worker%s [%s], run %s\n", start.selected,
               start.selected == 1 ? "" : "s", start.workers, start.workers == 1 ? "" : "s",
               start.dist_mode.c_str(), start.testrun_uid.c_str());
  if (start.random_order_seed)
    std::fprintf(options_.out, "ptest: random order, seed %llu (--random-order-seed %llu repeats it)\n",
                 static_cast<unsigned long long>(*start.random_order_seed),
                 static_cast<unsigned long long>(*start.random_order_seed));
  std::fflush(options_.out);
}

void TerminalReporter::case_started(const TestCase& test_case, int worker) {
  const auto index = static_cast<std::size_t>(worker);
  if (index >= running_.size()) running_.resize(index + 1);
  running_[index] = Running{&test_case, case_index_of(test_case), now(), 0};
  show_progress(false);
}

void TerminalReporter::case_finished(const TestCase& test_case, const CaseResult& result) {
  ++done_;
  const auto worker = static_cast<std::size_t>(result.worker);
  if (worker < running_.size() && running_[worker].test_case == &test_case) running_[worker] = Running{};
  if (result.case_index < options_.expected_durations.size()) {
    const double expected = options_.expected_durations[result.case_index];
    expected_left_ -= expected >= 0 ? expected : 0;
  }
  if (is_failure(result.outcome)) {
    ++failures_;
    failures_seen_.push_back({&test_case, result});
  }
  if (result.outcome == Outcome::flaky) flaky_seen_.push_back(flaky_verdict(test_case, result) + " " + test_case.id);
  if (options_.verbosity > 0) {
    clear_progress();
    const std::string shown =
        result.outcome == Outcome::flaky ? flaky_verdict(test_case, result) : verdict(result.outcome);
    char padded[16];
    std::snprintf(padded, sizeof padded, "%-7s", shown.c_str());
    std::fprintf(options_.out, "[%s] %s %s (%.3fs)\n", worker_name(result.worker).c_str(),
                 painted(padded, result.outcome, options_.color).c_str(), test_case.id.c_str(),
                 result.stop - result.start);
  }
  for (const LeakedProcess& leak : result.leaks) {
    clear_progress();
    std::fprintf(options_.out, "LEAK %s: pid %d (%s), killed\n", test_case.id.c_str(), leak.pid,
                 leak.command_line.c_str());
  }
  show_progress(false);
}

double TerminalReporter::now() const { return options_.clock ? options_.clock() : wall_seconds(); }

// Cases arrive as references into the manifest's vector: their place in it is their index.
std::size_t TerminalReporter::case_index_of(const TestCase& test_case) const {
  const Manifest* manifest = options_.manifest;
  const std::less<const TestCase*> before;  // a total order, even for a case from elsewhere
  if (!manifest || manifest->cases.empty() || before(&test_case, manifest->cases.data()) ||
      !before(&test_case, manifest->cases.data() + manifest->cases.size()))
    return SIZE_MAX;
  return static_cast<std::size_t>(&test_case - manifest->cases.data());
}

void TerminalReporter::tick(double) {
  announce_slow_cases(now());
  show_progress(false);
}

// From the history when there is one: the work left (less what the running
// cases have done of theirs), shared by the workers; else the pace so far.
std::optional<double> TerminalReporter::eta(double now) const {
  const std::vector<double>& expected = options_.expected_durations;
  if (!expected.empty()) {
    double left = expected_left_, longest_running = 0;
    for (const Running& running : running_)
      if (running.test_case && running.case_index < expected.size() && expected[running.case_index] >= 0) {
        const double its_left = std::max(0.0, expected[running.case_index] - (now - running.since));
        left -= expected[running.case_index] - its_left;
        longest_running = std::max(longest_running, its_left);
      }
    // The work shared out, but never sooner than the longest running case can end.
    return std::max(std::max(0.0, left) / workers_, longest_running);
  }
  if (done_ == 0) return std::nullopt;
  const std::size_t left = selected_ > done_ ? selected_ - done_ : 0;
  return (now - started_at_) / static_cast<double>(done_) * static_cast<double>(left);
}

void TerminalReporter::show_progress(bool force) {
  if (!options_.live) return;
  const double time = now();
  if (!force && time - last_progress_ < 0.1) return;  // a few redraws a second are enough
  last_progress_ = time;
  StatusLineInput input;
  input.mode = options_.progress;
  input.elapsed = time - started_at_;
  input.done = done_;
  input.total = selected_;
  input.failures = failures_;
  input.width = options_.width;
  input.color = options_.color;
  if (options_.progress == ProgressMode::bar) {
    input.eta = eta(time);
    for (std::size_t worker = 0; worker < running_.size(); ++worker)
      if (const TestCase* test_case = running_[worker].test_case)
        input.running.push_back({static_cast<int>(worker), test_case->name, time - running_[worker].since});
  }
  // The bar's line may be shorter than the last one: erase what is left of it.
  const char* erase = options_.progress == ProgressMode::bar ? "\033[K" : "";
  std::fprintf(options_.out, "\r%s%s", status_line(input).c_str(), erase);
  std::fflush(options_.out);
  progress_shown_ = true;
}

// nextest's slow period: a line per period that a case keeps running. A
// case's own period (its markers' SLOW) beats the run's; a run without one
// (--slow 0) announces nothing.
void TerminalReporter::announce_slow_cases(double now) {
  if (options_.slow_period <= 0) return;
  for (std::size_t worker = 0; worker < running_.size(); ++worker) {
    Running& running = running_[worker];
    if (!running.test_case) continue;
    const double period = running.test_case->slow > 0 ? running.test_case->slow : options_.slow_period;
    const int periods = static_cast<int>((now - running.since) / period);
    if (periods <= running.periods_announced) continue;
    running.periods_announced = periods;
    clear_progress();
    std::fprintf(options_.out, "%sSLOW%s [> %gs] %s\n", options_.color ? "\033[33m" : "",
                 options_.color ? "\033[0m" : "", periods * period, running.test_case->id.c_str());
    std::fflush(options_.out);
  }
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
  const Outcome overall = summary.failures() > 0 ? Outcome::failed : Outcome::passed;
  std::fprintf(out, "%s\n", painted(summary_line(summary), overall, options_.color).c_str());
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
  if (failures_seen_.empty() && flaky_seen_.empty()) return;
  std::FILE* out = options_.out;
  std::fprintf(out, "\n=========================== short test summary info ============================\n");
  for (const std::string& flaky : flaky_seen_) std::fprintf(out, "%s\n", flaky.c_str());
  for (const Failure& failure : failures_seen_)
    std::fprintf(out, "%s %s%s%s\n", verdict(failure.result.outcome), failure.test_case->id.c_str(),
                 failure.result.message.empty() ? "" : " - ", failure.result.message.c_str());
}

}  // namespace ptest
