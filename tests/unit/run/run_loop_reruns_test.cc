// The run loop's reruns (--reruns, --reruns-delay): which failed cases run
// again, where, when, and what their results keep.
#include <gtest/gtest.h>

#include <algorithm>

#include "run/run_loop.h"
#include "test_support/builders.h"
#include "test_support/fake_executor.h"
#include "test_support/recording_reporter.h"

using namespace ptest;
using namespace ptest::testing;

namespace {

Manifest with_reruns(int count, int reruns) {
  Manifest manifest = numbered_cases(count);
  for (TestCase& test_case : manifest.cases) test_case.reruns = reruns;
  return manifest;
}

// The batches that ran `case_index`, in the order they started.
std::vector<Batch> batches_with(const FakeExecutor& executor, std::size_t case_index) {
  std::vector<Batch> batches;
  for (const Batch& batch : executor.started)
    if (std::find(batch.cases.begin(), batch.cases.end(), case_index) != batch.cases.end()) batches.push_back(batch);
  return batches;
}

}  // namespace

TEST(RunLoopReruns, ACaseThatFailsThenPassesIsFlakyAndKeepsItsFailedAttempt) {
  const Manifest manifest = with_reruns(6, 2);
  Scheduler scheduler(manifest.cases, all_indices(manifest), scheduler_options(DistMode::worksteal, 2));
  FakeExecutor executor(manifest);
  executor.fail_times["S.T3"] = 1;
  RecordingReporter recorder;
  const RunSummary summary = run_tests(manifest, scheduler, executor, recorder, {}, {});
  EXPECT_EQ(recorder.outcome.at("bin0::S.T3"), Outcome::flaky);
  ASSERT_EQ(recorder.earlier_attempts.at("bin0::S.T3").size(), 1u);
  EXPECT_EQ(recorder.earlier_attempts.at("bin0::S.T3")[0].outcome, Outcome::failed);
  EXPECT_EQ(recorder.finished.count("bin0::S.T3"), 1u);  // reported once, at its last attempt
  EXPECT_EQ(summary.flaky, 1u);
  EXPECT_EQ(summary.passed, 5u);
  EXPECT_EQ(summary.failures(), 0u);
  // The rerun is a process of its own, which runs nothing else.
  const std::vector<Batch> runs = batches_with(executor, 3);
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[1].cases, (std::vector<std::size_t>{3}));
}

TEST(RunLoopReruns, ACaseThatFailsEveryTimeRunsOneTimeMoreThanItsRerunsAndFails) {
  const Manifest manifest = with_reruns(4, 2);
  Scheduler scheduler(manifest.cases, all_indices(manifest), scheduler_options(DistMode::load, 2));
  FakeExecutor executor(manifest);
  executor.outcomes["S.T1"] = Outcome::failed;
  RecordingReporter recorder;
  const RunSummary summary = run_tests(manifest, scheduler, executor, recorder, {}, {});
  EXPECT_EQ(recorder.outcome.at("bin0::S.T1"), Outcome::failed);
  EXPECT_EQ(recorder.earlier_attempts.at("bin0::S.T1").size(), 2u);
  EXPECT_EQ(batches_with(executor, 1).size(), 3u);
  EXPECT_EQ(summary.failed, 1u);
  EXPECT_EQ(summary.flaky, 0u);
}

TEST(RunLoopReruns, WithoutRerunsAFailedCaseRunsOnce) {
  const Manifest manifest = with_reruns(4, 0);
  Scheduler scheduler(manifest.cases, all_indices(manifest), scheduler_options(DistMode::load, 2));
  FakeExecutor executor(manifest);
  executor.outcomes["S.T1"] = Outcome::failed;
  RecordingReporter recorder;
  run_tests(manifest, scheduler, executor, recorder, {}, {});
  EXPECT_EQ(batches_with(executor, 1).size(), 1u);
  EXPECT_EQ(recorder.earlier_attempts.count("bin0::S.T1"), 0u);
}

TEST(RunLoopReruns, ACrashedCaseRunsAgainAndTheCasesAfterItStillRunOnce) {
  const Manifest manifest = with_reruns(6, 1);
  Scheduler scheduler(manifest.cases, all_indices(manifest), scheduler_options(DistMode::no, 1));
  FakeExecutor executor(manifest);
  executor.crash_once = {"S.T2"};
  RecordingReporter recorder;
  const RunSummary summary = run_tests(manifest, scheduler, executor, recorder, {}, {});
  EXPECT_EQ(recorder.outcome.at("bin0::S.T2"), Outcome::flaky);
  EXPECT_EQ(recorder.earlier_attempts.at("bin0::S.T2")[0].outcome, Outcome::crashed);
  EXPECT_EQ(summary.passed, 5u);
  EXPECT_EQ(summary.flaky, 1u);
  EXPECT_EQ(recorder.finished.size(), 6u);
}

TEST(RunLoopReruns, ARerunWaitsItsDelayAndTheLoopWakesForIt) {
  const Manifest manifest = with_reruns(1, 1);
  Scheduler scheduler(manifest.cases, all_indices(manifest), scheduler_options(DistMode::no, 1));
  FakeExecutor executor(manifest);
  executor.fail_times["S.T0"] = 1;
  RecordingReporter recorder;
  RunLoopOptions options;
  options.reruns_delay = 5;
  const RunSummary summary = run_tests(manifest, scheduler, executor, recorder, {}, options);
  ASSERT_EQ(recorder.earlier_attempts.at("bin0::S.T0").size(), 1u);
  const double failed_at = recorder.earlier_attempts.at("bin0::S.T0")[0].stop;
  EXPECT_EQ(executor.wake_requests, (std::vector<double>{failed_at + 5}));
  EXPECT_EQ(summary.flaky, 1u);
  EXPECT_DOUBLE_EQ(summary.duration, failed_at + 5 + 1);  // the rerun took its one second after the delay
}

TEST(RunLoopReruns, OnlyTheLastAttemptCountsTowardsMaxfail) {
  const Manifest manifest = with_reruns(5, 1);
  Scheduler scheduler(manifest.cases, all_indices(manifest), scheduler_options(DistMode::no, 1));
  FakeExecutor executor(manifest);
  executor.fail_times["S.T0"] = 1;
  RecordingReporter recorder;
  RunLoopOptions options;
  options.maxfail = 1;
  const RunSummary summary = run_tests(manifest, scheduler, executor, recorder, {}, options);
  EXPECT_EQ(executor.stop_calls, 0);
  EXPECT_EQ(summary.flaky, 1u);
  EXPECT_EQ(summary.passed, 4u);
}

TEST(RunLoopReruns, ARerunStillWaitingWhenTheRunStopsEndsWithItsLastFailedAttempt) {
  Manifest manifest = with_reruns(4, 0);
  manifest.cases[0].reruns = 1;
  SchedulerOptions scheduler_opts = scheduler_options(DistMode::no, 1);
  Scheduler scheduler(manifest.cases, all_indices(manifest), scheduler_opts);
  FakeExecutor executor(manifest);
  executor.outcomes["S.T0"] = Outcome::failed;  // waits 100 s for its rerun
  executor.outcomes["S.T1"] = Outcome::failed;  // the first failure: -x stops the run
  RecordingReporter recorder;
  RunLoopOptions options;
  options.maxfail = 1;
  options.reruns_delay = 100;
  const RunSummary summary = run_tests(manifest, scheduler, executor, recorder, {}, options);
  EXPECT_EQ(recorder.outcome.at("bin0::S.T0"), Outcome::failed);
  EXPECT_EQ(recorder.earlier_attempts.count("bin0::S.T0"), 0u);  // it ran once
  EXPECT_EQ(batches_with(executor, 0).size(), 1u);
  EXPECT_EQ(summary.failed, 2u);
  EXPECT_EQ(summary.passed + summary.failed + summary.not_run, 4u);
}

TEST(RunLoopReruns, ASerialCaseRunsAgainAloneAfterTheParallelWork) {
  Manifest manifest = with_reruns(6, 1);
  manifest.cases[2].markers = {"serial"};
  Scheduler scheduler(manifest.cases, all_indices(manifest), scheduler_options(DistMode::load, 2));
  FakeExecutor executor(manifest);
  executor.fail_times["S.T2"] = 1;
  RecordingReporter recorder;
  const RunSummary summary = run_tests(manifest, scheduler, executor, recorder, {}, {});
  EXPECT_EQ(summary.flaky, 1u);
  const std::vector<Batch> runs = batches_with(executor, 2);
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(executor.started.back().cases, (std::vector<std::size_t>{2}));
  EXPECT_EQ(executor.running_when_serial_started, 0);
}
