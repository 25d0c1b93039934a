#include "run/run_loop.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>
#include <map>
#include <set>

#include "test_support/builders.h"
#include "test_support/fake_executor.h"
#include "test_support/fake_fixture_host.h"
#include "test_support/recording_reporter.h"

using namespace ptest;
using namespace ptest::testing;

TEST(RunLoop, EveryCaseFinishesOnceAndIsCounted) {
  const Manifest manifest = numbered_cases(30);
  Scheduler scheduler(manifest.cases, all_indices(manifest), scheduler_options(DistMode::worksteal, 2));
  FakeExecutor executor(manifest);
  executor.outcomes["S.T3"] = Outcome::failed;
  executor.outcomes["S.T4"] = Outcome::skipped;
  RecordingReporter recorder;
  const RunSummary summary = run_tests(manifest, scheduler, executor, recorder, {}, {});
  EXPECT_EQ(recorder.finished.size(), 30u);
  EXPECT_EQ(std::set<std::string>(recorder.finished.begin(), recorder.finished.end()).size(), 30u);
  EXPECT_EQ(summary.passed, 28u);
  EXPECT_EQ(summary.failed, 1u);
  EXPECT_EQ(summary.skipped, 1u);
  EXPECT_EQ(summary.not_run, 0u);
}

TEST(RunLoop, CasesAfterACrashRunAgainInANewBatch) {
  const Manifest manifest = numbered_cases(10);
  Scheduler scheduler(manifest.cases, all_indices(manifest), scheduler_options(DistMode::no, 1));
  FakeExecutor executor(manifest);
  executor.crash_once = {"S.T2"};
  RecordingReporter recorder;
  const RunSummary summary = run_tests(manifest, scheduler, executor, recorder, {}, {});
  EXPECT_EQ(recorder.outcome.at("bin0::S.T2"), Outcome::crashed);
  EXPECT_EQ(recorder.finished.size(), 10u);
  EXPECT_EQ(summary.passed, 9u);
  ASSERT_GE(executor.started.size(), 2u);
  EXPECT_EQ(executor.started[1].cases.front(), 3u);  // the next batch starts after the crash
}

TEST(RunLoop, MaxfailStopsAndLeavesTheRestNotRun) {
  const Manifest manifest = numbered_cases(100);
  SchedulerOptions options;
  options.mode = DistMode::no;
  options.max_batch_name_bytes = 40;
  Scheduler scheduler(manifest.cases, all_indices(manifest), options);
  FakeExecutor executor(manifest);
  executor.outcomes["S.T1"] = Outcome::failed;
  RecordingReporter recorder;
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
  const Manifest manifest = numbered_cases(10);
  Scheduler scheduler(manifest.cases, all_indices(manifest), scheduler_options(DistMode::load, 2));
  FakeExecutor executor(manifest);
  executor.interrupts_at_first_wait = 1;
  RecordingReporter recorder;
  const RunSummary summary = run_tests(manifest, scheduler, executor, recorder, {}, {});
  EXPECT_TRUE(summary.interrupted);
  EXPECT_EQ(executor.stop_signals, (std::vector<int>{SIGINT}));  // passed on, SIGKILL after a grace
  EXPECT_GT(executor.last_grace, 0);
  EXPECT_EQ(summary.not_run, 10u);
}

TEST(RunLoop, ASecondInterruptKillsAtOnce) {
  const Manifest manifest = numbered_cases(10);
  Scheduler scheduler(manifest.cases, all_indices(manifest), scheduler_options(DistMode::load, 2));
  FakeExecutor executor(manifest);
  executor.interrupts_at_first_wait = 2;
  RecordingReporter recorder;
  run_tests(manifest, scheduler, executor, recorder, {}, {});
  EXPECT_EQ(executor.stop_signals, (std::vector<int>{SIGINT, SIGKILL}));
  EXPECT_EQ(executor.last_grace, 0);
}

TEST(RunLoop, TooManyDeadProcessesStopTheRun) {
  const Manifest manifest = numbered_cases(20);
  Scheduler scheduler(manifest.cases, all_indices(manifest), scheduler_options(DistMode::no, 1));
  FakeExecutor executor(manifest);
  executor.crash_always = {"S.T1", "S.T2", "S.T3", "S.T4"};
  RecordingReporter recorder;
  RunLoopOptions options;
  options.max_worker_restart = 2;
  const RunSummary summary = run_tests(manifest, scheduler, executor, recorder, {}, options);
  EXPECT_EQ(summary.crashed, 3u);  // the third death is one too many
  EXPECT_EQ(summary.stop_reason, "3 test processes died, more than --max-worker-restart 2 allows");
  EXPECT_EQ(summary.passed + summary.crashed + summary.not_run, 20u);
  EXPECT_GT(summary.not_run, 0u);
}

TEST(RunLoop, ASerialBatchStartsOnlyWhenNothingElseRuns) {
  Manifest manifest = numbered_cases(6);
  manifest.cases[2].markers = {"serial"};
  Scheduler scheduler(manifest.cases, all_indices(manifest), scheduler_options(DistMode::load, 2));
  FakeExecutor executor(manifest);
  RecordingReporter recorder;
  const RunSummary summary = run_tests(manifest, scheduler, executor, recorder, {}, {});
  EXPECT_EQ(summary.passed, 6u);
  ASSERT_FALSE(executor.started.empty());
  EXPECT_EQ(executor.started.back().cases, (std::vector<std::size_t>{2}));  // last, alone
  EXPECT_EQ(executor.max_running, 2);
  EXPECT_EQ(executor.running_when_serial_started, 0);
}

namespace {

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
  RecordingReporter recorder;
  FakeFixtureHost fixtures;
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
  RecordingReporter recorder;
  FakeFixtureHost fixtures;
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

// Of the recorded events, the fixtures' and the batches' (the order of the commands and the processes).
std::vector<std::string> fixture_and_batch_events(const RecordingReporter& recorder) {
  std::vector<std::string> kept;
  for (const std::string& event : recorder.events)
    if (event.rfind("fixture_", 0) == 0 || event.rfind("batch_started", 0) == 0) kept.push_back(event);
  return kept;
}

TEST(RunLoop, EachFixtureCommandIsReportedAroundItsRunBeforeTheBatchThatNeedsIt) {
  const Manifest manifest = with_fixture();
  Scheduler scheduler(manifest.cases, {3, 4, 5}, scheduler_options(DistMode::no, 1));
  FakeExecutor executor(manifest);
  RecordingReporter recorder;
  FakeFixtureHost fixtures;
  RunLoopOptions options;
  options.fixtures = &fixtures;
  run_tests(manifest, scheduler, executor, recorder, {}, options);
  EXPECT_EQ(fixture_and_batch_events(recorder),
            (std::vector<std::string>{"fixture_started db setup", "fixture_finished db setup", "batch_started gw0 3",
                                      "fixture_started db cleanup", "fixture_finished db cleanup"}));
}

TEST(RunLoop, AFailedSetupIsReportedAsFailed) {
  const Manifest manifest = with_fixture();
  Scheduler scheduler(manifest.cases, {3, 4, 5}, scheduler_options(DistMode::no, 1));
  FakeExecutor executor(manifest);
  RecordingReporter recorder;
  FakeFixtureHost fixtures;
  fixtures.fail = true;
  RunLoopOptions options;
  options.fixtures = &fixtures;
  run_tests(manifest, scheduler, executor, recorder, {}, options);
  EXPECT_EQ(fixture_and_batch_events(recorder),
            (std::vector<std::string>{"fixture_started db setup", "fixture_finished db setup failed",
                                      "fixture_started db cleanup", "fixture_finished db cleanup"}));
}

TEST(RunLoop, DisabledCasesAreSkippedWithoutRunning) {
  Manifest manifest = numbered_cases(3);
  manifest.cases[1].disabled = true;
  Scheduler scheduler(manifest.cases, {0, 2}, scheduler_options(DistMode::load, 2));
  FakeExecutor executor(manifest);
  RecordingReporter recorder;
  const RunSummary summary = run_tests(manifest, scheduler, executor, recorder, {1}, {});
  EXPECT_EQ(recorder.outcome.at("bin0::S.T1"), Outcome::skipped);
  EXPECT_EQ(summary.skipped, 1u);
  EXPECT_EQ(summary.passed, 2u);
  for (const Batch& batch : executor.started)
    EXPECT_EQ(std::count(batch.cases.begin(), batch.cases.end(), 1u), 0);
}

TEST(RunLoop, AFailedSetupCountsTowardsMaxfailAndNoBatchStartsAfterItStopsTheRun) {
  Manifest manifest = with_fixture();
  std::swap(manifest.targets[0].fixtures, manifest.targets[1].fixtures);  // the first binary needs "db"
  Scheduler scheduler(manifest.cases, all_indices(manifest), scheduler_options(DistMode::no, 1));
  FakeExecutor executor(manifest);
  RecordingReporter recorder;
  FakeFixtureHost fixtures;
  fixtures.fail = true;
  RunLoopOptions options;
  options.fixtures = &fixtures;
  options.maxfail = 1;
  const RunSummary summary = run_tests(manifest, scheduler, executor, recorder, {}, options);
  EXPECT_EQ(summary.stop_reason, "stopping after 1 failure");
  EXPECT_TRUE(executor.started.empty());
  EXPECT_EQ(summary.passed, 0u);
  EXPECT_EQ(summary.failed + summary.not_run, 6u);
}

TEST(RunLoop, EachCaseIsReportedStartedThenFinishedAndRunFinishedComesLast) {
  const Manifest manifest = numbered_cases(8);
  Scheduler scheduler(manifest.cases, all_indices(manifest), scheduler_options(DistMode::load, 3));
  FakeExecutor executor(manifest);
  RecordingReporter recorder;
  run_tests(manifest, scheduler, executor, recorder, {}, {});
  const auto case_events = std::count_if(recorder.events.begin(), recorder.events.end(),
                                         [](const std::string& event) { return event.rfind("case_", 0) == 0; });
  EXPECT_EQ(case_events, 2 * 8);
  EXPECT_EQ(recorder.events.back(), "run_finished");
  for (const TestCase& test_case : manifest.cases) {
    const auto at = [&](const std::string& prefix) {
      const auto found = std::find_if(recorder.events.begin(), recorder.events.end(), [&](const std::string& event) {
        return event.rfind(prefix + " " + test_case.id + " ", 0) == 0;
      });
      return found - recorder.events.begin();
    };
    EXPECT_LT(at("case_started"), at("case_finished")) << test_case.id;
  }
}

// Reports that draw processes (the trace, replay) need each case inside the
// process that ran it: a worker's batch_started, its cases, its batch_finished.
TEST(RunLoop, EachWorkersCasesAreReportedInsideItsBatchStartAndFinish) {
  const Manifest manifest = numbered_cases(12);
  Scheduler scheduler(manifest.cases, all_indices(manifest), scheduler_options(DistMode::load, 2));
  FakeExecutor executor(manifest);
  executor.crash_once = {"S.T5"};
  RecordingReporter recorder;
  run_tests(manifest, scheduler, executor, recorder, {}, {});
  std::map<std::string, bool> in_batch;  // by worker name
  std::size_t batches = 0;
  for (const std::string& event : recorder.events) {
    const std::string worker = event.substr(event.rfind(' ') + 1);
    if (event.rfind("batch_started ", 0) == 0) {
      const std::string name = event.substr(14, event.find(' ', 14) - 14);
      EXPECT_FALSE(in_batch[name]) << "two processes at once on " << name;
      in_batch[name] = true;
      ++batches;
    } else if (event.rfind("batch_finished ", 0) == 0) {
      EXPECT_TRUE(in_batch[worker]) << event;
      in_batch[worker] = false;
    } else if (event.rfind("case_started ", 0) == 0) {
      EXPECT_TRUE(in_batch[worker]) << event << " outside a process";
    }
  }
  EXPECT_EQ(batches, executor.started.size());
  for (const auto& [worker, open] : in_batch) EXPECT_FALSE(open) << worker << " never finished";
}

TEST(RunLoop, TicksReachTheReportersAndChangeNothingElse) {
  const Manifest manifest = numbered_cases(2);
  Scheduler scheduler(manifest.cases, all_indices(manifest), scheduler_options(DistMode::no, 1));
  FakeExecutor executor(manifest);
  executor.ticks_at_first_wait = 2;
  RecordingReporter recorder;
  const RunSummary summary = run_tests(manifest, scheduler, executor, recorder, {}, {});
  EXPECT_EQ(std::count(recorder.events.begin(), recorder.events.end(), "tick"), 2);
  EXPECT_EQ(summary.passed, 2u);
  EXPECT_EQ(recorder.events.back(), "run_finished");
}
