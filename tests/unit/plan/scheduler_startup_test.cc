// What the scheduler does with the cost of starting a process: every batch
// of a binary pays its start-up once, so a binary's cases stay together on
// as few workers as the balance allows, a batch holds several start-ups'
// worth of work, and a steal that would save less than a start-up is not made.
#include <gtest/gtest.h>

#include <set>
#include <utility>

#include "plan/scheduler.h"
#include "test_support.h"

using namespace ptest;
using ptest::testing::all_indices;
using ptest::testing::make_case;
using ptest::testing::make_manifest;
using ptest::testing::scheduler_options;

namespace {

// `targets` binaries of `per_target` cases each, in manifest order.
Manifest binaries(std::size_t targets, std::size_t per_target) {
  std::vector<TestCase> cases;
  for (std::size_t t = 0; t < targets; ++t)
    for (std::size_t i = 0; i < per_target; ++i)
      cases.push_back(make_case("S" + std::to_string(i % 5), "T" + std::to_string(i), t));
  return make_manifest(targets, std::move(cases));
}

std::vector<Batch> drain(Scheduler& scheduler) {
  std::vector<Batch> batches;
  for (bool any = true; any;) {
    any = false;
    for (int worker = 0; worker < scheduler.worker_count(); ++worker)
      if (auto batch = scheduler.next_batch(worker)) {
        batches.push_back(*batch);
        any = true;
      }
  }
  return batches;
}

}  // namespace

TEST(SchedulerStartup, WithAHistoryABinarysShortCasesStayOnOneWorker) {
  const Manifest manifest = binaries(4, 100);
  SchedulerOptions known = scheduler_options(DistMode::worksteal, 2);
  known.known_durations.assign(manifest.cases.size(), 0.001);
  Scheduler scheduler(manifest.cases, all_indices(manifest), known);
  std::set<std::pair<std::size_t, int>> target_on_worker;
  for (const Batch& batch : drain(scheduler)) target_on_worker.emplace(batch.target, batch.worker);
  // Four binaries over two workers: each binary on one worker, but for the
  // one the even split falls in (dealing the cases out in turn put every
  // binary on both).
  EXPECT_LE(target_on_worker.size(), 5u);
}

TEST(SchedulerStartup, AStealWorthLessThanAStartUpIsNotMade) {
  const Manifest manifest = binaries(1, 100);
  SchedulerOptions known = scheduler_options(DistMode::worksteal, 2);
  known.known_durations.assign(manifest.cases.size(), 0.0001);  // 5 ms a queue
  Scheduler scheduler(manifest.cases, all_indices(manifest), known);
  scheduler.observe_startup(0, 0.05);
  const auto own = scheduler.next_batch(1);
  ASSERT_TRUE(own);
  EXPECT_EQ(own->cases.size(), 50u);
  // Half of worker 0's 5 ms would save less than the 50 ms a process costs.
  EXPECT_FALSE(scheduler.next_batch(1));
  const auto rest = scheduler.next_batch(0);
  ASSERT_TRUE(rest);
  EXPECT_EQ(rest->cases.size(), 50u);
}

TEST(SchedulerStartup, AStealWorthMoreThanAStartUpIsMade) {
  const Manifest manifest = binaries(1, 100);
  SchedulerOptions known = scheduler_options(DistMode::worksteal, 2);
  known.known_durations.assign(manifest.cases.size(), 0.01);  // 0.5 s a queue, in 10 ms cases
  Scheduler scheduler(manifest.cases, all_indices(manifest), known);
  scheduler.observe_startup(0, 0.005);
  std::size_t taken_by_1 = 0;
  while (auto batch = scheduler.next_batch(1)) taken_by_1 += batch->cases.size();
  EXPECT_GT(taken_by_1, 50u);  // more than its own half: it stole
}

TEST(SchedulerStartup, ABatchHoldsTenStartUpsOfWork) {
  const Manifest manifest = binaries(1, 1000);
  SchedulerOptions known = scheduler_options(DistMode::load, 2);
  known.known_durations.assign(manifest.cases.size(), 0.002);  // 2 s in all: a share is 0.5 s
  Scheduler scheduler(manifest.cases, all_indices(manifest), known);
  scheduler.observe_startup(0, 0.1);  // processes seen to take 100 ms to reach their first case
  const auto batch = scheduler.next_batch(0);
  ASSERT_TRUE(batch);
  EXPECT_EQ(batch->cases.size(), 500u);  // 1 s of work, not the share's 250 cases
}

TEST(SchedulerStartup, OnAFirstRunOfMillisecondCasesEvidenceStillSizesBatches) {
  const Manifest manifest = binaries(1, 1000);
  SchedulerOptions options = scheduler_options(DistMode::load, 2);
  options.batch_budget = 0.05;
  Scheduler scheduler(manifest.cases, all_indices(manifest), options);
  ASSERT_TRUE(scheduler.next_batch(0));  // the probe
  // Cases of 2 ms, enough of them that slow start no longer binds, and a
  // start-up of 20 ms: a long case could still hide among the unknown ones.
  for (std::size_t i = 800; i < 1000; ++i) scheduler.observe(i, 0.002);
  scheduler.observe_startup(0, 0.02);
  const auto batch = scheduler.next_batch(1);
  ASSERT_TRUE(batch);
  EXPECT_EQ(batch->cases.size(), 25u);  // the 50 ms budget's, not ten start-ups' 100
}

TEST(SchedulerStartup, StartUpCostIsTheTargetsMeanElseAllTargetsMean) {
  const Manifest manifest = binaries(3, 10);
  Scheduler scheduler(manifest.cases, all_indices(manifest), scheduler_options(DistMode::worksteal, 2));
  EXPECT_EQ(scheduler.startup_cost(0), 0);  // nothing seen, nothing charged
  scheduler.observe_startup(0, 0.01);
  scheduler.observe_startup(0, 0.03);
  scheduler.observe_startup(1, 0.08);
  EXPECT_DOUBLE_EQ(scheduler.startup_cost(0), 0.02);
  EXPECT_DOUBLE_EQ(scheduler.startup_cost(1), 0.08);
  EXPECT_DOUBLE_EQ(scheduler.startup_cost(2), 0.04);  // not started yet: (0.01 + 0.03 + 0.08) / 3
}

TEST(SchedulerStartup, MicrosecondCasesAreEstimatedByTheirMeanNotTheClocksResolution) {
  const Manifest manifest = binaries(1, 1000);
  SchedulerOptions options = scheduler_options(DistMode::load, 2);
  options.batch_budget = 0.05;
  Scheduler scheduler(manifest.cases, all_indices(manifest), options);
  const auto probe = scheduler.next_batch(0);
  ASSERT_TRUE(probe);
  // Seven trivial cases and one whose lines arrived in two reads of the
  // runner, 1 ms apart: the mean is microseconds, the longest is the clock's.
  for (std::size_t i = 0; i + 1 < probe->cases.size(); ++i) scheduler.observe(probe->cases[i], 0.000005);
  scheduler.observe(probe->cases.back(), 0.001);
  const auto batch = scheduler.next_batch(1);
  ASSERT_TRUE(batch);
  EXPECT_GT(batch->cases.size(), 300u);  // by the 1 ms longest, the budget would allow 50
}
