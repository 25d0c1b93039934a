// What a person sees: a live count while the run goes (on a terminal), a line
// per case with -v, the failures with their output at the end, and the
// summary line.
#pragma once

#include <cstdio>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "run/reporter.h"

namespace ptest {

struct TerminalOptions {
  int verbosity = 0;         // -v: +1 per flag, -q: -1
  bool live = false;         // rewrite a progress line in place (stdout is a terminal)
  std::FILE* out = stdout;
  // Seconds on a steady clock, to redraw the progress line a few times a
  // second at most; empty: std::chrono::steady_clock. Tests pass a fake.
  std::function<double()> clock;
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
  std::vector<std::string> flaky_seen_;  // "FLAKY 2/3 <id>", for the short summary
};

}  // namespace ptest
