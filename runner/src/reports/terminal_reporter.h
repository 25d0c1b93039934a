// What a person sees: a live count while the run goes (on a terminal), a line
// per case with -v, the failures with their output at the end, and the
// summary line.
#pragma once

#include <cstdio>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

#include "reports/slowest_cases.h"
#include "reports/timeline.h"
#include "run/reporter.h"

namespace ptest {

struct TerminalOptions {
  int verbosity = 0;         // -v: +1 per flag, -q: -1
  bool live = false;         // rewrite a progress line in place (stdout is a terminal)
  std::FILE* out = stdout;
  // Seconds on a steady clock, to redraw the progress line a few times a
  // second at most; empty: std::chrono::steady_clock. Tests pass a fake.
  std::function<double()> clock;
  // The end-of-run sections. With a timeline (which must hear the events
  // before this reporter): the per-worker balance, and with --durations the
  // slowest cases, whose ids come from `manifest`.
  const Timeline* timeline = nullptr;
  const Manifest* manifest = nullptr;
  std::optional<DurationsOptions> durations;
};

class TerminalReporter : public Reporter {
 public:
  explicit TerminalReporter(TerminalOptions options) : options_(std::move(options)) {}

  void run_started(const RunStart& start) override;
  void case_finished(const TestCase& test_case, const CaseResult& result) override;
  void run_finished(const RunSummary& summary) override;

 private:
  void show_progress(bool force);
  void clear_progress();
  void print_failures() const;
  void print_run_sections() const;
  void print_short_summary() const;

  struct Failure {
    const TestCase* test_case;
    CaseResult result;
  };

  TerminalOptions options_;
  std::size_t selected_ = 0;
  std::size_t done_ = 0;
  std::size_t failures_ = 0;
  double last_progress_ = -1;
  bool progress_shown_ = false;
  std::vector<Failure> failures_seen_;
};

}  // namespace ptest
