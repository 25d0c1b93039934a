// What a person sees: a live count while the run goes (on a terminal), a line
// per case with -v, the failures with their output at the end, and the
// summary line.
#pragma once

#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "reports/slowest_cases.h"
#include "reports/status_line.h"
#include "reports/terminal_style.h"
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
  // The live status line (with `live`): its kind, colours, the terminal's
  // width, and for the ETA the seconds each case of the run is expected to
  // take, by case index (< 0: not in the run); empty: no history, the ETA
  // comes from the pace so far. Needs `manifest`.
  ProgressMode progress = ProgressMode::counter;
  bool color = false;
  std::size_t width = 80;
  std::vector<double> expected_durations;
  // Announce a case running longer than this, once per period ("SLOW [> 60s]
  // id"), on a terminal or not; a case's own `slow` replaces it; 0: never,
  // for any case.
  double slow_period = 0;
};

class TerminalReporter : public Reporter {
 public:
  explicit TerminalReporter(TerminalOptions options) : options_(std::move(options)) {}

  void run_started(const RunStart& start) override;
  void case_started(const TestCase& test_case, int worker) override;
  void case_finished(const TestCase& test_case, const CaseResult& result) override;
  void run_finished(const RunSummary& summary) override;
  void tick(double at) override;

 private:
  void show_progress(bool force);
  void clear_progress();
  void print_failures() const;
  void print_run_sections() const;
  void print_short_summary() const;
  double now() const;
  std::size_t case_index_of(const TestCase& test_case) const;
  std::optional<double> eta(double now) const;
  void announce_slow_cases(double now);

  // What a worker runs now, for the status line and the slow warnings.
  struct Running {
    const TestCase* test_case = nullptr;  // null: nothing
    std::size_t case_index = 0;
    double since = 0;
    int periods_announced = 0;
  };

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
  std::vector<Running> running_;  // by worker
  double started_at_ = 0;
  double expected_left_ = 0;  // seconds of work expected from the cases not finished
  int workers_ = 1;
};

}  // namespace ptest
