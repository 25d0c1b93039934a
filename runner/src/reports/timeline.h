// What each worker did when: its test processes in order, and the cases
// each ran. The per-worker summary, the --trace timeline and the HTML
// report read it after the run; it keeps every result, so it listens only
// when one of them is asked for.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "run/reporter.h"

namespace ptest {

// One test process of one worker.
struct ProcessSlice {
  std::size_t target = 0;   // index into Manifest::targets
  double start = 0;         // seconds since the run began
  double stop = -1;         // < 0: still running
  bool died = false;        // crashed, timed out or exited mid-batch: a worker restart
  std::optional<int> stolen_from = std::nullopt;  // Batch::stolen_from: the first batch after a steal
  std::vector<std::size_t> results;  // indices into Timeline::results(), in the order they finished
};

// One fixture command the run loop ran (FixtureRun).
struct FixtureSlice {
  std::string name;
  FixturePhase phase = FixturePhase::setup;
  bool failed = false;
  double start = 0;  // seconds since the run began
  double stop = -1;  // < 0: still running
};

class Timeline : public Reporter {
 public:
  void run_started(const RunStart& start) override;
  void batch_started(const Batch& batch, double at) override;
  void case_finished(const TestCase& test_case, const CaseResult& result) override;
  void batch_finished(const BatchFinished& finished, double at) override;
  void fixture_started(const FixtureRun& fixture, double at) override;
  void fixture_finished(const FixtureRun& fixture, double at) override;
  void run_finished(const RunSummary& summary) override { wall_ = summary.duration; }

  // By worker: its processes in the order they started.
  const std::vector<std::vector<ProcessSlice>>& workers() const { return workers_; }
  // Every result, in the order they finished, including those of cases that
  // never ran in a process (disabled ones, a failed fixture's); without their output.
  const std::vector<CaseResult>& results() const { return results_; }
  // The fixtures' setups and cleanups, in the order they ran.
  const std::vector<FixtureSlice>& fixtures() const { return fixtures_; }
  double wall() const { return wall_; }  // the run's duration, once it finished

 private:
  std::vector<ProcessSlice>& slices_of(int worker);

  std::vector<std::vector<ProcessSlice>> workers_;
  std::vector<CaseResult> results_;
  std::vector<FixtureSlice> fixtures_;
  double wall_ = 0;
};

}  // namespace ptest
