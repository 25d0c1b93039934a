#include "plan/scheduler.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "test_support.h"

using namespace ptest;
using ptest::testing::all_indices;
using ptest::testing::make_case;
using ptest::testing::make_manifest;
using ptest::testing::scheduler_options;

namespace {

Manifest many_cases(std::size_t count, std::size_t targets = 1) {
  std::vector<TestCase> cases;
  for (std::size_t i = 0; i < count; ++i)
    cases.push_back(make_case("S" + std::to_string(i % 7), "T" + std::to_string(i), i * targets / count));
  return make_manifest(targets, std::move(cases));
}

// Drains the scheduler, workers taking turns, and returns every batch.
std::vector<Batch> drain(Scheduler& scheduler) {
  std::vector<Batch> batches;
  bool any = true;
  while (any) {
    any = false;
    for (int worker = 0; worker < scheduler.worker_count(); ++worker)
      if (auto batch = scheduler.next_batch(worker)) {
        batches.push_back(*batch);
        any = true;
      }
  }
  return batches;
}

std::map<std::size_t, int> worker_of_case(const std::vector<Batch>& batches) {
  std::map<std::size_t, int> workers;
  for (const Batch& batch : batches)
    for (std::size_t index : batch.cases) workers[index] = batch.worker;
  return workers;
}

}  // namespace

TEST(Scheduler, EveryModeRunsEverySelectedCaseExactlyOnce) {
  const Manifest manifest = many_cases(500, 3);
  for (DistMode mode : {DistMode::worksteal, DistMode::load, DistMode::loadscope, DistMode::loadfile,
                        DistMode::loadgroup, DistMode::no}) {
    Scheduler scheduler(manifest.cases, all_indices(manifest), scheduler_options(mode, 4));
    std::multiset<std::size_t> seen;
    for (const Batch& batch : drain(scheduler)) seen.insert(batch.cases.begin(), batch.cases.end());
    EXPECT_EQ(seen.size(), 500u) << dist_mode_name(mode);
    for (std::size_t i = 0; i < 500; ++i) EXPECT_EQ(seen.count(i), 1u) << dist_mode_name(mode);
    EXPECT_EQ(scheduler.remaining(), 0u);
  }
}

TEST(Scheduler, ABatchHoldsCasesOfOneTarget) {
  const Manifest manifest = many_cases(300, 3);
  Scheduler scheduler(manifest.cases, all_indices(manifest), scheduler_options(DistMode::worksteal, 2));
  for (const Batch& batch : drain(scheduler))
    for (std::size_t index : batch.cases) EXPECT_EQ(manifest.cases[index].target, batch.target);
}

TEST(Scheduler, GroupRunsOnOneWorkerInOrderInEveryMode) {
  std::vector<TestCase> cases;
  for (int i = 0; i < 40; ++i)
    cases.push_back(make_case("S", "T" + std::to_string(i), 0, {}, i % 4 == 0 ? "db" : ""));
  const Manifest manifest = make_manifest(1, cases);
  for (DistMode mode : {DistMode::worksteal, DistMode::load, DistMode::loadgroup, DistMode::loadscope}) {
    Scheduler scheduler(manifest.cases, all_indices(manifest), scheduler_options(mode, 4));
    std::set<int> workers;
    std::vector<std::size_t> order;
    for (const Batch& batch : drain(scheduler))
      for (std::size_t index : batch.cases)
        if (manifest.cases[index].group == "db") {
          workers.insert(batch.worker);
          order.push_back(index);
        }
    EXPECT_EQ(workers.size(), 1u) << dist_mode_name(mode);
    EXPECT_TRUE(std::is_sorted(order.begin(), order.end())) << dist_mode_name(mode);
    EXPECT_EQ(order.size(), 10u);
  }
}

TEST(Scheduler, GroupSpanningTargetsStaysOnOneWorker) {
  const Manifest manifest = make_manifest(2, {make_case("A", "One", 0, {}, "g"), make_case("B", "Two", 1),
                                              make_case("C", "Three", 1, {}, "g"), make_case("D", "Four", 0)});
  Scheduler scheduler(manifest.cases, all_indices(manifest), scheduler_options(DistMode::worksteal, 2));
  const auto workers = worker_of_case(drain(scheduler));
  EXPECT_EQ(workers.at(0), workers.at(2));
}

TEST(Scheduler, LoadscopeRunsEachSuiteInOneBatch) {
  std::vector<TestCase> cases;
  for (int i = 0; i < 60; ++i) cases.push_back(make_case("Suite" + std::to_string(i % 5), "T" + std::to_string(i)));
  const Manifest manifest = make_manifest(1, cases);
  Scheduler scheduler(manifest.cases, all_indices(manifest), scheduler_options(DistMode::loadscope, 3));
  std::map<std::string, int> batches_per_suite;
  for (const Batch& batch : drain(scheduler)) {
    std::set<std::string> suites;
    for (std::size_t index : batch.cases) suites.insert(manifest.cases[index].suite);
    for (const std::string& suite : suites) ++batches_per_suite[suite];
  }
  ASSERT_EQ(batches_per_suite.size(), 5u);
  for (const auto& [suite, count] : batches_per_suite) EXPECT_EQ(count, 1) << suite;
}

TEST(Scheduler, LoadfileKeepsAFileOnOneWorker) {
  std::vector<TestCase> cases;
  for (int i = 0; i < 60; ++i)
    cases.push_back(make_case("S" + std::to_string(i), "T", 0, {}, "", "file" + std::to_string(i % 3) + ".cc"));
  const Manifest manifest = make_manifest(1, cases);
  Scheduler scheduler(manifest.cases, all_indices(manifest), scheduler_options(DistMode::loadfile, 3));
  std::map<std::string, std::set<int>> workers_per_file;
  for (const Batch& batch : drain(scheduler))
    for (std::size_t index : batch.cases) workers_per_file[manifest.cases[index].file].insert(batch.worker);
  for (const auto& [file, workers] : workers_per_file) EXPECT_EQ(workers.size(), 1u) << file;
}

TEST(Scheduler, IdleWorkerStealsFromTheBusiest) {
  const Manifest manifest = many_cases(100);
  Scheduler scheduler(manifest.cases, all_indices(manifest), scheduler_options(DistMode::worksteal, 2));
  // Worker 0 takes one batch and is busy with it; worker 1 works through
  // everything else, which takes stealing from worker 0's queue.
  const auto first = scheduler.next_batch(0);
  ASSERT_TRUE(first);
  std::size_t taken_by_1 = 0;
  while (auto batch = scheduler.next_batch(1)) taken_by_1 += batch->cases.size();
  EXPECT_EQ(first->cases.size() + taken_by_1, 100u);
  EXPECT_GT(taken_by_1, 50u);  // more than its own half: it stole
  EXPECT_FALSE(scheduler.next_batch(0));
}

TEST(Scheduler, ABatchAfterAStealNamesItsVictimAndOneOfItsOwnWorkDoesNot) {
  const Manifest manifest = many_cases(100);
  Scheduler scheduler(manifest.cases, all_indices(manifest), scheduler_options(DistMode::worksteal, 2));
  const auto first = scheduler.next_batch(0);
  ASSERT_TRUE(first);
  EXPECT_FALSE(first->stolen_from);
  std::vector<Batch> of_1;
  while (auto batch = scheduler.next_batch(1)) of_1.push_back(*batch);
  ASSERT_FALSE(of_1.empty());
  EXPECT_FALSE(of_1.front().stolen_from);  // its own queue first
  std::size_t steals = 0;
  for (const Batch& batch : of_1)
    if (batch.stolen_from) {
      EXPECT_EQ(*batch.stolen_from, 0);
      ++steals;
    }
  EXPECT_GT(steals, 0u);
}

TEST(Scheduler, WithNothingKnownABatchIsAProbeSampledFromTheWholeQueue) {
  const Manifest manifest = many_cases(400);
  Scheduler scheduler(manifest.cases, all_indices(manifest), scheduler_options(DistMode::worksteal, 2));
  const auto probe = scheduler.next_batch(0);  // worker 0's queue: cases 0-199
  ASSERT_TRUE(probe);
  EXPECT_EQ(probe->cases, (std::vector<std::size_t>{0, 24, 48, 72, 96, 120, 144, 168}));
}

TEST(Scheduler, AProbeLeavesWorkForTheOtherWorkersOfASmallQueue) {
  const Manifest manifest = many_cases(10);
  Scheduler scheduler(manifest.cases, all_indices(manifest), scheduler_options(DistMode::load, 2));
  const auto first = scheduler.next_batch(0);
  const auto second = scheduler.next_batch(1);
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->cases.size(), 2u);  // 10 units shared by 2 workers: a probe takes 10 / 4
  EXPECT_FALSE(second->cases.empty());
}

TEST(Scheduler, ShortCasesSeenInThisRunAreBatchedUpToTheBudget) {
  const Manifest manifest = many_cases(1000);
  SchedulerOptions budgeted = scheduler_options(DistMode::load, 2);
  budgeted.batch_budget = 0.05;
  Scheduler scheduler(manifest.cases, all_indices(manifest), budgeted);
  const auto probe = scheduler.next_batch(0);
  ASSERT_TRUE(probe);
  ASSERT_EQ(probe->cases.size(), 8u);
  // Every suite of this target has been seen to take a millisecond at most,
  // in enough cases that slow start no longer binds.
  for (std::size_t i = 900; i < 1000; ++i) scheduler.observe(i, 0.001);
  const auto batch = scheduler.next_batch(1);
  ASSERT_TRUE(batch);
  EXPECT_EQ(batch->cases.size(), 50u);
}

TEST(Scheduler, CasesSeenToBeLongRunAlone) {
  const Manifest manifest = many_cases(100);
  Scheduler scheduler(manifest.cases, all_indices(manifest), scheduler_options(DistMode::load, 2));
  scheduler.observe(0, 0.2);  // longer than the whole budget: the target's cases go one by one
  for (const Batch& batch : drain(scheduler)) EXPECT_EQ(batch.cases.size(), 1u);
}

TEST(Scheduler, TrivialCasesOfAKnownHistoryRunInFewProcesses) {
  const Manifest manifest = many_cases(2000, 2);
  SchedulerOptions known = scheduler_options(DistMode::worksteal, 2);
  known.known_durations.assign(2000, 0.00001);
  Scheduler scheduler(manifest.cases, all_indices(manifest), known);
  const std::vector<Batch> batches = drain(scheduler);
  EXPECT_LE(batches.size(), 6u);  // a batch per worker and target, give or take a split
}

TEST(Scheduler, HistoryPutsUnknownAndFailedFirstThenLongestFirst) {
  const Manifest manifest = many_cases(6);
  SchedulerOptions known = scheduler_options(DistMode::load, 1);
  known.known_durations = {0.1, 0.5, -1, 0.3, 0.001, 0.2};
  known.failed_last = {false, false, false, false, false, true};
  Scheduler scheduler(manifest.cases, all_indices(manifest), known);
  std::vector<std::size_t> order;
  for (const Batch& batch : drain(scheduler)) order.insert(order.end(), batch.cases.begin(), batch.cases.end());
  EXPECT_EQ(order, (std::vector<std::size_t>{2, 5, 1, 3, 0, 4}));
}

TEST(Scheduler, ABatchGathersItsBinarysUnitsPastOtherBinaries) {
  // Longest first alternates the two binaries; a batch still takes several
  // cases of one binary, in their order, leaving the other's in place.
  std::vector<TestCase> cases;
  for (int i = 0; i < 8; ++i) cases.push_back(make_case("S", "T" + std::to_string(i), i % 2));
  const Manifest manifest = make_manifest(2, cases);
  SchedulerOptions known = scheduler_options(DistMode::load, 1);
  known.known_durations = {0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1};
  known.batch_budget = 0.05;
  Scheduler scheduler(manifest.cases, all_indices(manifest), known);
  const auto first = scheduler.next_batch(0);
  ASSERT_TRUE(first);
  // The shared queue's share is 3.6 s / 2: 0.8 + 0.6 + 0.4 fill it, 0.2 would not fit.
  EXPECT_EQ(first->cases, (std::vector<std::size_t>{0, 2, 4}));
  const auto second = scheduler.next_batch(0);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->cases.front(), 1u);  // the other binary's longest, still next
}

TEST(Scheduler, HistorySharesKnownWorkEvenlyAmongWorkers) {
  const Manifest manifest = many_cases(8);
  SchedulerOptions known = scheduler_options(DistMode::worksteal, 2);
  known.known_durations = {4, 3, 3, 2, 2, 1, 0.5, 0.5};
  Scheduler scheduler(manifest.cases, all_indices(manifest), known);
  double seconds[2] = {0, 0};
  // Greedy longest-first: worker 0 owns 4+2+2, worker 1 owns 3+3+1+0.5+0.5;
  // each long case is a batch of its own. Taken before any stealing:
  const int owned[2] = {3, 5};
  for (int worker = 0; worker < 2; ++worker)
    for (int i = 0; i < owned[worker]; ++i) {
      auto batch = scheduler.next_batch(worker);
      ASSERT_TRUE(batch);
      ASSERT_EQ(batch->cases.size(), 1u);
      seconds[worker] += known.known_durations[batch->cases[0]];
    }
  EXPECT_DOUBLE_EQ(seconds[0], 8);
  EXPECT_DOUBLE_EQ(seconds[1], 8);
}

TEST(Scheduler, SerialCasesComeApartAndLast) {
  std::vector<TestCase> cases;
  for (int i = 0; i < 6; ++i) cases.push_back(make_case("S", "T" + std::to_string(i), 0, i % 3 == 0 ? std::vector<std::string>{"serial"} : std::vector<std::string>{}));
  const Manifest manifest = make_manifest(1, cases);
  Scheduler scheduler(manifest.cases, all_indices(manifest), scheduler_options(DistMode::load, 4));
  EXPECT_EQ(scheduler.worker_count(), 4);  // the four parallel cases
  std::set<std::size_t> parallel;
  for (const Batch& batch : drain(scheduler)) parallel.insert(batch.cases.begin(), batch.cases.end());
  EXPECT_EQ(parallel, (std::set<std::size_t>{1, 2, 4, 5}));
  EXPECT_EQ(scheduler.remaining(), 2u);
  const auto serial = scheduler.next_serial_batch();
  ASSERT_TRUE(serial);
  EXPECT_EQ(serial->worker, 0);
  EXPECT_EQ(serial->cases, (std::vector<std::size_t>{0, 3}));
  EXPECT_FALSE(scheduler.next_serial_batch());
}

TEST(Scheduler, NeverMoreWorkersThanUnits) {
  const Manifest manifest = many_cases(3);
  EXPECT_EQ(Scheduler(manifest.cases, all_indices(manifest), scheduler_options(DistMode::load, 8)).worker_count(), 3);
  std::vector<TestCase> grouped;
  for (int i = 0; i < 5; ++i) grouped.push_back(make_case("S", "T" + std::to_string(i), 0, {}, "one"));
  const Manifest all_grouped = make_manifest(1, grouped);
  EXPECT_EQ(Scheduler(all_grouped.cases, all_indices(all_grouped), scheduler_options(DistMode::worksteal, 4)).worker_count(), 1);
  EXPECT_EQ(Scheduler(manifest.cases, all_indices(manifest), scheduler_options(DistMode::no, 8)).worker_count(), 1);
}

TEST(Scheduler, SerialModeRunsInManifestOrder) {
  const Manifest manifest = many_cases(50, 2);
  Scheduler scheduler(manifest.cases, all_indices(manifest), scheduler_options(DistMode::no, 4));
  std::vector<std::size_t> order;
  for (const Batch& batch : drain(scheduler)) order.insert(order.end(), batch.cases.begin(), batch.cases.end());
  EXPECT_EQ(order, all_indices(manifest));
}

TEST(Scheduler, LongFiltersAreSplitIntoSeveralBatches) {
  const Manifest manifest = many_cases(100);
  SchedulerOptions limited = scheduler_options(DistMode::no, 1);
  limited.max_batch_name_bytes = 50;  // a few names per batch
  Scheduler scheduler(manifest.cases, all_indices(manifest), limited);
  const std::vector<Batch> batches = drain(scheduler);
  EXPECT_GT(batches.size(), 10u);
  for (const Batch& batch : batches) {
    std::size_t bytes = 0;
    for (std::size_t index : batch.cases) bytes += manifest.cases[index].name.size() + 1;
    EXPECT_TRUE(bytes <= 50 || batch.cases.size() == 1);
  }
}

TEST(Scheduler, RequeuedCasesComeBackToTheSameWorkerFirst) {
  const Manifest manifest = many_cases(20);
  Scheduler scheduler(manifest.cases, all_indices(manifest), scheduler_options(DistMode::load, 2));
  for (std::size_t i = 15; i < 20; ++i) scheduler.observe(i, 0);  // known to be quick: batches are large
  const auto batch = scheduler.next_batch(1);
  ASSERT_TRUE(batch && batch->cases.size() >= 2);
  const std::vector<std::size_t> unstarted(batch->cases.begin() + 1, batch->cases.end());
  scheduler.requeue(1, unstarted);
  const auto again = scheduler.next_batch(1);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->cases, unstarted);
}

TEST(Scheduler, FixedBatchesAreHandedOutExactlyPerWorkerInOrder) {
  const Manifest manifest = ptest::testing::numbered_cases(6);
  SchedulerOptions options = scheduler_options(DistMode::worksteal, 8);
  options.fixed_batches = {{{4, 1}, {2}}, {}, {{0, 3, 5}}};
  Scheduler scheduler(manifest.cases, {4, 1, 2, 0, 3, 5}, options);
  EXPECT_EQ(scheduler.worker_count(), 3);
  EXPECT_EQ(scheduler.remaining(), 6u);
  EXPECT_EQ(scheduler.next_batch(0)->cases, (std::vector<std::size_t>{4, 1}));
  EXPECT_FALSE(scheduler.next_batch(1));  // nothing to steal: the batches are fixed
  const std::optional<Batch> third = scheduler.next_batch(2);
  ASSERT_TRUE(third);
  EXPECT_EQ(third->worker, 2);
  EXPECT_EQ(third->cases, (std::vector<std::size_t>{0, 3, 5}));
  scheduler.requeue(2, {5});  // a replay runs the recorded processes only
  EXPECT_FALSE(scheduler.next_batch(2));
  EXPECT_EQ(scheduler.next_batch(0)->cases, (std::vector<std::size_t>{2}));
  EXPECT_EQ(scheduler.remaining(), 0u);
  EXPECT_FALSE(scheduler.next_serial_batch());
}

TEST(Scheduler, KeepOrderLeavesTheSelectionsOrderDespiteTheHistory) {
  const Manifest manifest = ptest::testing::numbered_cases(4);
  SchedulerOptions options = scheduler_options(DistMode::load, 1);
  options.known_durations = {0.01, 0.01, 0.01, 5.0};  // the history would run T3 first
  options.failed_last = {false, false, false, false};
  options.keep_order = true;
  Scheduler scheduler(manifest.cases, {2, 0, 1, 3}, options);
  std::vector<std::size_t> order;
  while (std::optional<Batch> batch = scheduler.next_batch(0)) order.insert(order.end(), batch->cases.begin(), batch->cases.end());
  EXPECT_EQ(order, (std::vector<std::size_t>{2, 0, 1, 3}));
}

TEST(Scheduler, ACaseGivenTwiceNeverRunsTwiceInOneBatch) {
  const Manifest manifest = ptest::testing::numbered_cases(3);
  Scheduler scheduler(manifest.cases, {0, 1, 2, 0, 1, 2, 0, 1, 2}, scheduler_options(DistMode::no, 1));
  std::vector<std::vector<std::size_t>> batches;
  while (std::optional<Batch> batch = scheduler.next_batch(0)) batches.push_back(batch->cases);
  EXPECT_EQ(batches, (std::vector<std::vector<std::size_t>>{{0, 1, 2}, {0, 1, 2}, {0, 1, 2}}));
}
