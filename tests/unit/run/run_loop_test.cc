#include "run/run_loop.h"

#include <gtest/gtest.h>

#include <csignal>
#include <deque>
#include <map>
#include <set>

#include "test_support.h"

using namespace ptest;
using ptest::testing::all_indices;
using ptest::testing::make_case;
using ptest::testing::make_manifest;

namespace {

// Runs nothing: each started batch plays out at the next wait(), case by
// case, with the outcome scripted per case name. A "crash" script ends the
// batch at that case, leaving the rest not started, the first time only.
class FakeExecutor : public Executor {
 public:
  explicit FakeExecutor(const Manifest& manifest) : manifest_(manifest) {}

  std::map<std::string, Outcome> outcomes;
  std::set<std::string> crash_once;
  std::vector<Batch> started;
  int stop_calls = 0;
  std::vector<int> stop_signals;
  double last_grace = -1;
  int interrupts_at_first_wait = 0;
  std::set<std::string> crash_always;

  int max_running = 0;
  int running_when_serial_started = -1;

  void start(const Batch& batch) override {
    for (std::size_t index : batch.cases)
      if (!manifest_.cases[index].markers.empty() && manifest_.cases[index].markers[0] == "serial")
        running_when_serial_started = static_cast<int>(running_.size());
    started.push_back(batch);
    running_.push_back(batch);
    max_running = std::max(max_running, static_cast<int>(running_.size()));
  }

  std::vector<ExecutorEvent> wait() override {
    std::vector<ExecutorEvent> events;
    if (!pending_stops_.empty()) {
      for (int worker : pending_stops_) events.push_back(BatchFinished{worker, {}});
      pending_stops_.clear();
      return events;
    }
    if (interrupts_at_first_wait > 0) {
      for (; interrupts_at_first_wait > 0; --interrupts_at_first_wait) events.push_back(Interrupted{SIGINT});
      return events;
    }
    const Batch batch = running_.front();
    running_.pop_front();
    std::vector<std::size_t> not_started;
    bool ended = false;
    for (std::size_t index : batch.cases) {
      if (ended) {
        not_started.push_back(index);
        continue;
      }
      const std::string& name = manifest_.cases[index].name;
      events.push_back(CaseStarted{batch.worker, index});
      CaseResult result;
      result.case_index = index;
      result.worker = batch.worker;
      result.start = clock_;
      result.stop = clock_ += 1;
      result.outcome = outcomes.count(name) ? outcomes[name] : Outcome::passed;
      if (crash_once.erase(name) || crash_always.count(name)) {
        result.outcome = Outcome::crashed;
        ended = true;
      }
      events.push_back(CaseFinished{result});
    }
    events.push_back(BatchFinished{batch.worker, not_started, ended});
    return events;
  }

  void stop_all(int signal, double grace) override {
    ++stop_calls;
    stop_signals.push_back(signal);
    last_grace = grace;
    // Stopped batches report nothing more than their end.
    for (const Batch& batch : running_) pending_stops_.push_back(batch.worker);
    running_.clear();
  }
  double now() const override { return clock_; }

 private:
  const Manifest& manifest_;
  std::deque<Batch> running_;
  std::vector<int> pending_stops_;
  double clock_ = 0;
};

class Recorder : public Reporter {
 public:
  std::multiset<std::string> finished;
  std::map<std::string, Outcome> outcome;
  RunSummary summary;
  void case_finished(const TestCase& test_case, const CaseResult& result) override {
    finished.insert(test_case.id);
    outcome[test_case.id] = result.outcome;
  }
  void run_finished(const RunSummary& s) override { summary = s; }
};

SchedulerOptions scheduler_options(DistMode mode, int workers) {
  SchedulerOptions options;
  options.mode = mode;
  options.workers = workers;
  return options;
}

Manifest sample(int count) {
  std::vector<TestCase> cases;
  for (int i = 0; i < count; ++i) cases.push_back(make_case("S", "T" + std::to_string(i)));
  return make_manifest(1, cases);
}

}  // namespace

TEST(RunLoop, EveryCaseFinishesOnceAndIsCounted) {
  const Manifest manifest = sample(30);
  Scheduler scheduler(manifest.cases, all_indices(manifest), scheduler_options(DistMode::worksteal, 2));
  FakeExecutor executor(manifest);
  executor.outcomes["S.T3"] = Outcome::failed;
  executor.outcomes["S.T4"] = Outcome::skipped;
  Recorder recorder;
  const RunSummary summary = run_tests(manifest, scheduler, executor, recorder, {}, {});
  EXPECT_EQ(recorder.finished.size(), 30u);
  EXPECT_EQ(std::set<std::string>(recorder.finished.begin(), recorder.finished.end()).size(), 30u);
  EXPECT_EQ(summary.passed, 28u);
  EXPECT_EQ(summary.failed, 1u);
  EXPECT_EQ(summary.skipped, 1u);
  EXPECT_EQ(summary.not_run, 0u);
}

TEST(RunLoop, CasesAfterACrashRunAgainInANewBatch) {
  const Manifest manifest = sample(10);
  Scheduler scheduler(manifest.cases, all_indices(manifest), scheduler_options(DistMode::no, 1));
  FakeExecutor executor(manifest);
  executor.crash_once = {"S.T2"};
  Recorder recorder;
  const RunSummary summary = run_tests(manifest, scheduler, executor, recorder, {}, {});
  EXPECT_EQ(recorder.outcome.at("bin0::S.T2"), Outcome::crashed);
  EXPECT_EQ(recorder.finished.size(), 10u);
  EXPECT_EQ(summary.passed, 9u);
  ASSERT_GE(executor.started.size(), 2u);
  EXPECT_EQ(executor.started[1].cases.front(), 3u);  // the next batch starts after the crash
}

TEST(RunLoop, MaxfailStopsAndLeavesTheRestNotRun) {
  const Manifest manifest = sample(100);
  SchedulerOptions options;
  options.mode = DistMode::no;
  options.max_batch_name_bytes = 40;
  Scheduler scheduler(manifest.cases, all_indices(manifest), options);
  FakeExecutor executor(manifest);
  executor.outcomes["S.T1"] = Outcome::failed;
  Recorder recorder;
  RunLoopOptions loop_options;
  loop_options.maxfail = 1;
  const RunSummary summary = run_tests(manifest, scheduler, executor, recorder, {}, loop_options);
  EXPECT_EQ(executor.stop_calls, 1);
  EXPECT_EQ(summary.failed, 1u);
  EXPECT_GT(summary.not_run, 0u);
  EXPECT_EQ(summary.stop_reason, "stopping after 1 failure");
  EXPECT_EQ(summary.passed + summary.failed + summary.not_run, 100u);
}

TEST(RunLoop, InterruptStopsTheRun) {
  const Manifest manifest = sample(10);
  Scheduler scheduler(manifest.cases, all_indices(manifest), scheduler_options(DistMode::load, 2));
  FakeExecutor executor(manifest);
  executor.interrupts_at_first_wait = 1;
  Recorder recorder;
  const RunSummary summary = run_tests(manifest, scheduler, executor, recorder, {}, {});
  EXPECT_TRUE(summary.interrupted);
  EXPECT_EQ(executor.stop_signals, (std::vector<int>{SIGINT}));  // passed on, SIGKILL after a grace
  EXPECT_GT(executor.last_grace, 0);
  EXPECT_EQ(summary.not_run, 10u);
}

TEST(RunLoop, ASecondInterruptKillsAtOnce) {
  const Manifest manifest = sample(10);
  Scheduler scheduler(manifest.cases, all_indices(manifest), scheduler_options(DistMode::load, 2));
  FakeExecutor executor(manifest);
  executor.interrupts_at_first_wait = 2;
  Recorder recorder;
  run_tests(manifest, scheduler, executor, recorder, {}, {});
  EXPECT_EQ(executor.stop_signals, (std::vector<int>{SIGINT, SIGKILL}));
  EXPECT_EQ(executor.last_grace, 0);
}

TEST(RunLoop, TooManyDeadProcessesStopTheRun) {
  const Manifest manifest = sample(20);
  Scheduler scheduler(manifest.cases, all_indices(manifest), scheduler_options(DistMode::no, 1));
  FakeExecutor executor(manifest);
  executor.crash_always = {"S.T1", "S.T2", "S.T3", "S.T4"};
  Recorder recorder;
  RunLoopOptions options;
  options.max_worker_restart = 2;
  const RunSummary summary = run_tests(manifest, scheduler, executor, recorder, {}, options);
  EXPECT_EQ(summary.crashed, 3u);  // the third death is one too many
  EXPECT_EQ(summary.stop_reason, "3 test processes died, more than --max-worker-restart 2 allows");
  EXPECT_EQ(summary.passed + summary.crashed + summary.not_run, 20u);
  EXPECT_GT(summary.not_run, 0u);
}

TEST(RunLoop, ASerialBatchStartsOnlyWhenNothingElseRuns) {
  Manifest manifest = sample(6);
  manifest.cases[2].markers = {"serial"};
  Scheduler scheduler(manifest.cases, all_indices(manifest), scheduler_options(DistMode::load, 2));
  FakeExecutor executor(manifest);
  Recorder recorder;
  const RunSummary summary = run_tests(manifest, scheduler, executor, recorder, {}, {});
  EXPECT_EQ(summary.passed, 6u);
  ASSERT_FALSE(executor.started.empty());
  EXPECT_EQ(executor.started.back().cases, (std::vector<std::size_t>{2}));  // last, alone
  EXPECT_EQ(executor.max_running, 2);
  EXPECT_EQ(executor.running_when_serial_started, 0);
}

namespace {

class FakeFixtures : public FixtureHost {
 public:
  bool fail = false;
  std::vector<std::string> calls;
  FixtureSetup set_up(const Fixture& fixture) override {
    calls.push_back("setup " + fixture.name);
    FixtureSetup setup;
    setup.ok = !fail;
    setup.environment = {{"DB_URL", "db://test"}};
    setup.message = fail ? "fixture '" + fixture.name + "' setup exited with status 1" : "";
    return setup;
  }
  void clean_up(const Fixture& fixture) override { calls.push_back("cleanup " + fixture.name); }
};

// Two binaries; only the second needs the fixture "db".
Manifest with_fixture() {
  std::vector<TestCase> cases;
  for (int i = 0; i < 6; ++i) cases.push_back(make_case("S", "T" + std::to_string(i), i < 3 ? 0 : 1));
  Manifest manifest = make_manifest(2, cases);
  manifest.fixtures = {Fixture{"db", {"/bin/setup"}, {"/bin/cleanup"}, "/tmp"}};
  manifest.targets[1].fixtures = {"db"};
  return manifest;
}

}  // namespace

TEST(RunLoop, AFixtureIsSetUpOnceBeforeItsCasesAndCleanedUpAfterTheLast) {
  const Manifest manifest = with_fixture();
  Scheduler scheduler(manifest.cases, all_indices(manifest), scheduler_options(DistMode::load, 4));
  FakeExecutor executor(manifest);
  Recorder recorder;
  FakeFixtures fixtures;
  RunLoopOptions options;
  options.fixtures = &fixtures;
  const RunSummary summary = run_tests(manifest, scheduler, executor, recorder, {}, options);
  EXPECT_EQ(summary.passed, 6u);
  EXPECT_EQ(fixtures.calls, (std::vector<std::string>{"setup db", "cleanup db"}));
  for (const Batch& batch : executor.started) {
    const bool needs_db = batch.target == 1;
    EXPECT_EQ(batch.environment.size(), needs_db ? 1u : 0u);
    if (needs_db) EXPECT_EQ(batch.environment[0].second, "db://test");
  }
}

TEST(RunLoop, AFailedSetupFailsItsCasesWithoutRunningThemAndStillCleansUp) {
  const Manifest manifest = with_fixture();
  Scheduler scheduler(manifest.cases, all_indices(manifest), scheduler_options(DistMode::load, 2));
  FakeExecutor executor(manifest);
  Recorder recorder;
  FakeFixtures fixtures;
  fixtures.fail = true;
  RunLoopOptions options;
  options.fixtures = &fixtures;
  const RunSummary summary = run_tests(manifest, scheduler, executor, recorder, {}, options);
  EXPECT_EQ(summary.passed, 3u);
  EXPECT_EQ(summary.failed, 3u);
  EXPECT_EQ(recorder.outcome.at("bin1::S.T4"), Outcome::failed);
  for (const Batch& batch : executor.started) EXPECT_EQ(batch.target, 0u);
  EXPECT_EQ(fixtures.calls, (std::vector<std::string>{"setup db", "cleanup db"}));
}

TEST(RunLoop, DisabledCasesAreSkippedWithoutRunning) {
  Manifest manifest = sample(3);
  manifest.cases[1].disabled = true;
  Scheduler scheduler(manifest.cases, {0, 2}, scheduler_options(DistMode::load, 2));
  FakeExecutor executor(manifest);
  Recorder recorder;
  const RunSummary summary = run_tests(manifest, scheduler, executor, recorder, {1}, {});
  EXPECT_EQ(recorder.outcome.at("bin0::S.T1"), Outcome::skipped);
  EXPECT_EQ(summary.skipped, 1u);
  EXPECT_EQ(summary.passed, 2u);
  for (const Batch& batch : executor.started)
    EXPECT_EQ(std::count(batch.cases.begin(), batch.cases.end(), 1u), 0);
}
