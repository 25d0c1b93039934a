#include "commands/flaky_listing.h"

#include <gtest/gtest.h>

using namespace ptest;

TEST(FlakyListing, FlipsCountFlakyRunsAndChangesBetweenPassingAndFailing) {
  EXPECT_EQ(flips(""), 0u);
  EXPECT_EQ(flips("pppp"), 0u);
  EXPECT_EQ(flips("ffff"), 0u);  // broken, not flaky
  EXPECT_EQ(flips("pfp"), 2u);
  EXPECT_EQ(flips("pkp"), 1u);  // flaky counts as passed between runs
  EXPECT_EQ(flips("kfk"), 4u);
}
