#include "reports/worker_balance.h"

#include <gtest/gtest.h>

#include "reports/timeline.h"
#include "test_support/sample_run.h"

using namespace ptest;
using namespace ptest::testing;

namespace {

Timeline sample_timeline(const Manifest& manifest) {
  Timeline timeline;
  play_sample_run(timeline, manifest);
  return timeline;
}

}  // namespace

TEST(Timeline, KeepsEachWorkersProcessesWithTheirCasesAndWhetherTheyDied) {
  const Manifest manifest = sample_run_manifest();
  const Timeline timeline = sample_timeline(manifest);
  ASSERT_EQ(timeline.workers().size(), 2u);
  ASSERT_EQ(timeline.workers()[0].size(), 1u);
  ASSERT_EQ(timeline.workers()[1].size(), 2u);
  const ProcessSlice& died = timeline.workers()[1][0];
  EXPECT_TRUE(died.died);
  EXPECT_DOUBLE_EQ(died.stop, 0.5);
  ASSERT_EQ(died.results.size(), 1u);
  EXPECT_EQ(timeline.results()[died.results[0]].case_index, 2u);
  EXPECT_EQ(timeline.workers()[0][0].results.size(), 2u);
  EXPECT_FALSE(timeline.workers()[0][0].died);
  EXPECT_DOUBLE_EQ(timeline.wall(), 4);
}

TEST(Timeline, ACaseDecidedWithoutAProcessBelongsToNoSliceAndItsOutputIsNotKept) {
  const Manifest manifest = sample_run_manifest();
  Timeline timeline;
  timeline.run_started(RunStart{1, 1, "load", "u"});
  CaseResult result = make_result(0, Outcome::failed, 0, 0, 0);
  result.output = "long output";
  timeline.case_finished(manifest.cases[0], result);
  EXPECT_TRUE(timeline.workers()[0].empty());
  ASSERT_EQ(timeline.results().size(), 1u);
  EXPECT_TRUE(timeline.results()[0].output.empty());
}

TEST(WorkerBalance, CountsCasesProcessesBusyAndIdleTimePerWorker) {
  const Manifest manifest = sample_run_manifest();
  const WorkerBalance balance = worker_balance(sample_timeline(manifest));
  ASSERT_EQ(balance.workers.size(), 2u);
  EXPECT_EQ(balance.workers[0].cases, 2u);
  EXPECT_EQ(balance.workers[0].processes, 1u);
  EXPECT_DOUBLE_EQ(balance.workers[0].busy, 3);
  EXPECT_DOUBLE_EQ(balance.workers[0].idle, 1);
  EXPECT_EQ(balance.workers[1].cases, 2u);
  EXPECT_EQ(balance.workers[1].processes, 2u);
  EXPECT_DOUBLE_EQ(balance.workers[1].busy, 1.5);
  EXPECT_DOUBLE_EQ(balance.workers[1].idle, 2.5);
}

TEST(WorkerBalance, SpeedupIsCaseTimeOverWallTimeAndBalanceIsBusiestOverMean) {
  const Manifest manifest = sample_run_manifest();
  const WorkerBalance balance = worker_balance(sample_timeline(manifest));
  EXPECT_DOUBLE_EQ(balance.case_seconds, 4.5);
  EXPECT_DOUBLE_EQ(balance.speedup, 4.5 / 4);
  EXPECT_DOUBLE_EQ(balance.balance, 3 / 2.25);
}

TEST(WorkerBalance, ARunWithoutProcessesHasNoSpeedupOrBalanceInsteadOfDividingByZero) {
  Timeline timeline;
  timeline.run_started(RunStart{0, 2, "load", "u"});
  timeline.run_finished(RunSummary{});
  const WorkerBalance balance = worker_balance(timeline);
  EXPECT_EQ(balance.speedup, 0);
  EXPECT_EQ(balance.balance, 0);
  EXPECT_EQ(balance.workers.size(), 2u);
}

TEST(WorkerBalance, TextHasALinePerWorkerThenTheSpeedupAndBalance) {
  const Manifest manifest = sample_run_manifest();
  EXPECT_EQ(worker_balance_text(worker_balance(sample_timeline(manifest))),
            "=================================== workers ====================================\n"
            "gw0        2 cases     1 process    busy     3.00s  idle     1.00s\n"
            "gw1        2 cases     2 processes  busy     1.50s  idle     2.50s\n"
            "speedup 1.12x (4.50s of cases in 4.00s), balance 1.33 (busiest worker / mean)\n");
}
