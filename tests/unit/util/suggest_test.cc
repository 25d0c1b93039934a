#include "util/suggest.h"

#include <gtest/gtest.h>

using ptest::closest_name;

TEST(ClosestName, FindsALikelyTypo) {
  const std::vector<std::string> markers{"integration", "slow", "smoke", "unit"};
  EXPECT_EQ(closest_name("smok", markers), "smoke");
  EXPECT_EQ(closest_name("slwo", markers), "slow");
  EXPECT_EQ(closest_name("integraton", markers), "integration");
}

TEST(ClosestName, SuggestsNothingFarOff) {
  EXPECT_FALSE(closest_name("database", {"integration", "slow", "smoke", "unit"}));
  EXPECT_FALSE(closest_name("x", {}));
}
