#include "plan/rerun_queue.h"

#include <gtest/gtest.h>

#include "test_support/builders.h"

using namespace ptest;
using namespace ptest::testing;

TEST(RerunQueue, ARerunIsABatchOfItsCaseAloneOnceItsDelayHasPassed) {
  const Manifest manifest = numbered_cases(3);
  RerunQueue queue(manifest.cases);
  queue.add(1, 0, 10.0);
  EXPECT_FALSE(queue.next_parallel(1, 9.0));
  EXPECT_EQ(queue.next_ready_at(9.0), 10.0);
  const std::optional<Batch> batch = queue.next_parallel(1, 10.0);
  ASSERT_TRUE(batch);
  EXPECT_EQ(batch->worker, 1);  // any worker may take it
  EXPECT_EQ(batch->cases, (std::vector<std::size_t>{1}));
  EXPECT_TRUE(queue.empty());
}

TEST(RerunQueue, AGroupedCaseRunsAgainOnlyOnTheWorkerThatRanIt) {
  std::vector<TestCase> cases = {make_case("S", "A", 0, {}, "db"), make_case("S", "B")};
  const Manifest manifest = make_manifest(1, cases);
  RerunQueue queue(manifest.cases);
  queue.add(0, 1, 0);
  EXPECT_FALSE(queue.next_parallel(0, 1));
  ASSERT_TRUE(queue.next_parallel(1, 1));
}

TEST(RerunQueue, ASerialCaseRunsAgainOnlyAsASerialBatch) {
  std::vector<TestCase> cases = {make_case("S", "A", 0, {"serial"}), make_case("S", "B")};
  const Manifest manifest = make_manifest(1, cases);
  RerunQueue queue(manifest.cases);
  queue.add(0, 1, 0);
  queue.add(1, 1, 0);
  EXPECT_EQ(queue.next_parallel(0, 1)->cases, (std::vector<std::size_t>{1}));
  EXPECT_FALSE(queue.next_parallel(0, 1));
  const std::optional<Batch> serial = queue.next_serial(1);
  ASSERT_TRUE(serial);
  EXPECT_EQ(serial->worker, 0);
  EXPECT_EQ(serial->cases, (std::vector<std::size_t>{0}));
}

TEST(RerunQueue, TakeAllEmptiesItInTheOrderAdded) {
  const Manifest manifest = numbered_cases(3);
  RerunQueue queue(manifest.cases);
  queue.add(2, 0, 5);
  queue.add(0, 1, 1);
  EXPECT_EQ(queue.take_all(), (std::vector<std::size_t>{2, 0}));
  EXPECT_TRUE(queue.empty());
  EXPECT_FALSE(queue.next_ready_at(0));
}
