#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "inventory.h"

TEST(Pricing, TotalOfFewItems) { EXPECT_EQ(inventory::total_cents(3, 250), 750); }

TEST(Pricing, TotalWithBulkDiscount) { EXPECT_EQ(inventory::total_cents(100, 100), 9000); }

class PricingTable : public ::testing::TestWithParam<int> {};
TEST_P(PricingTable, NeverNegative) { EXPECT_GE(inventory::total_cents(GetParam(), 99), 0); }
INSTANTIATE_TEST_SUITE_P(Counts, PricingTable, ::testing::Values(0, 1, 99, 100, 1000));

// Stands for a slow case: `-m "not slow"` leaves it out.
TEST(Pricing, BulkOrderSimulation) {
  long total = 0;
  for (int count = 0; count < 500; ++count) total += inventory::total_cents(count, 7);
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  EXPECT_GT(total, 0);
}
