#include <gtest/gtest.h>

#include <cstdlib>

class Beta : public ::testing::TestWithParam<int> {};
TEST_P(Beta, Sees) { EXPECT_EQ(std::getenv("GTEST_TOTAL_SHARDS"), nullptr); }
INSTANTIATE_TEST_SUITE_P(Numbers, Beta, ::testing::Range(0, 12));

TEST(Gamma, One) { EXPECT_EQ(std::getenv("CI_NODE_TOTAL"), nullptr); }
TEST(Gamma, Two) { EXPECT_EQ(std::getenv("CI_NODE_TOTAL"), nullptr); }
TEST(Gamma, DISABLED_Never) {}
