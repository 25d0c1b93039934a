#include <gtest/gtest.h>

#include <cstdlib>

// A test process that saw a shard variable would shard its batch again.
#define EXPECT_NO_SHARD_VARIABLES()                    \
  for (const char* name : {"GTEST_SHARD_INDEX", "GTEST_TOTAL_SHARDS", "CI_NODE_INDEX", "CI_NODE_TOTAL", \
                           "TEST_SHARD_INDEX", "TEST_TOTAL_SHARDS", "CIRCLE_NODE_INDEX"})            \
  EXPECT_EQ(std::getenv(name), nullptr) << name

TEST(Alpha, One) { EXPECT_NO_SHARD_VARIABLES(); }
TEST(Alpha, Two) { EXPECT_NO_SHARD_VARIABLES(); }
TEST(Alpha, Three) { EXPECT_NO_SHARD_VARIABLES(); }
TEST(Alpha, Four) { EXPECT_NO_SHARD_VARIABLES(); }
TEST(Ledger, Open) { EXPECT_NO_SHARD_VARIABLES(); }
TEST(Ledger, Post) { EXPECT_NO_SHARD_VARIABLES(); }
TEST(Ledger, Close) { EXPECT_NO_SHARD_VARIABLES(); }
TEST(Exclusive, Port) { EXPECT_NO_SHARD_VARIABLES(); }
TEST(Exclusive, Disk) { EXPECT_NO_SHARD_VARIABLES(); }
