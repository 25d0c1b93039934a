// Everything that tells about a run (terminal, JUnit XML, JSON report) gets
// the same stream of events, in the order they happened.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/batch.h"
#include "model/model.h"
#include "run/executor.h"

namespace ptest {

struct RunStart {
  std::size_t selected = 0;
  int workers = 0;
  std::string dist_mode;
  std::string testrun_uid;
  std::optional<std::uint64_t> random_order_seed;  // --random-order; empty: the manifest's order
};

struct RunSummary {
  std::size_t passed = 0, failed = 0, skipped = 0, crashed = 0, timeout = 0;
  std::size_t not_run = 0;  // selected but never finished: -x, --maxfail, interrupt
  std::size_t flaky = 0;    // failed, then passed on a rerun; not in `passed`
  std::size_t leaked = 0;   // processes the test processes left running (leak_detector.h)
  double duration = 0;      // seconds, wall clock
  bool interrupted = false;
  std::string stop_reason;  // why the run stopped early; empty if it did not

  std::size_t failures() const { return failed + crashed + timeout; }
  void count(Outcome outcome);
};

// A fixture's SETUP or CLEANUP command (ptest_add_fixture), which the run
// loop runs itself, between its batches, not on a worker.
enum class FixturePhase { setup, cleanup };

struct FixtureRun {
  std::string name;
  FixturePhase phase = FixturePhase::setup;
  bool failed = false;  // in fixture_finished: a setup that failed (its cases fail without running)
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void run_started(const RunStart&) {}
  // A test process starts on `batch.worker` with `batch.cases` to run, in
  // that order, at `at` seconds since the run began. Every batch_started is
  // followed by one batch_finished for the same worker, before that worker's
  // next batch: a worker runs one process at a time.
  virtual void batch_started(const Batch& /*batch*/, double /*at*/) {}
  virtual void case_started(const TestCase&, int /*worker*/) {}
  virtual void case_finished(const TestCase&, const CaseResult&) {}
  // The worker's process is gone, after its cases were reported.
  virtual void batch_finished(const BatchFinished& /*finished*/, double /*at*/) {}
  // A fixture's command starts, and ends, `at` seconds since the run began;
  // nothing else is reported in between.
  virtual void fixture_started(const FixtureRun& /*fixture*/, double /*at*/) {}
  virtual void fixture_finished(const FixtureRun& /*fixture*/, double /*at*/) {}
  virtual void run_finished(const RunSummary&) {}
  // Time passes (the executor's Tick, a few a second at most): for the
  // live status line and the slow-case warnings.
  virtual void tick(double /*at*/) {}
};

// Passes every event to several reporters, in order.
class Reporters : public Reporter {
 public:
  void add(Reporter& reporter) { reporters_.push_back(&reporter); }
  void run_started(const RunStart& start) override {
    for (Reporter* r : reporters_) r->run_started(start);
  }
  void batch_started(const Batch& batch, double at) override {
    for (Reporter* r : reporters_) r->batch_started(batch, at);
  }
  void case_started(const TestCase& test_case, int worker) override {
    for (Reporter* r : reporters_) r->case_started(test_case, worker);
  }
  void case_finished(const TestCase& test_case, const CaseResult& result) override {
    for (Reporter* r : reporters_) r->case_finished(test_case, result);
  }
  void batch_finished(const BatchFinished& finished, double at) override {
    for (Reporter* r : reporters_) r->batch_finished(finished, at);
  }
  void fixture_started(const FixtureRun& fixture, double at) override {
    for (Reporter* r : reporters_) r->fixture_started(fixture, at);
  }
  void fixture_finished(const FixtureRun& fixture, double at) override {
    for (Reporter* r : reporters_) r->fixture_finished(fixture, at);
  }
  void run_finished(const RunSummary& summary) override {
    for (Reporter* r : reporters_) r->run_finished(summary);
  }
  void tick(double at) override {
    for (Reporter* r : reporters_) r->tick(at);
  }

 private:
  std::vector<Reporter*> reporters_;
};

// "12 passed, 1 failed, 2 skipped in 0.84s": the last line of a run.
std::string summary_line(const RunSummary& summary);

}  // namespace ptest
