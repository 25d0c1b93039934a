#include <gtest/gtest.h>

#include <cstdlib>

TEST(AlphaMore, One) { EXPECT_EQ(std::getenv("GTEST_TOTAL_SHARDS"), nullptr); }
TEST(AlphaMore, Two) { EXPECT_EQ(std::getenv("GTEST_TOTAL_SHARDS"), nullptr); }
TEST(AlphaMore, Three) { EXPECT_EQ(std::getenv("GTEST_TOTAL_SHARDS"), nullptr); }
TEST(Alpha, Five) { EXPECT_EQ(std::getenv("GTEST_TOTAL_SHARDS"), nullptr); }
