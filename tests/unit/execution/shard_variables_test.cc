#include "execution/shard_variables.h"

#include <gtest/gtest.h>

using namespace ptest;

TEST(ShardVariables, TestProcessesNeverSeeThem) {
  const std::vector<std::string> environment = {"PATH=/bin", "GTEST_TOTAL_SHARDS=4", "GTEST_SHARD_INDEX=1",
                                                "CI_NODE_INDEX=2", "CI_NODE_TOTAL=4", "TEST_SHARD_INDEX=0",
                                                "GTEST_SHARD_INDEXED=kept", "HOME=/root"};
  EXPECT_EQ(without_shard_variables(environment),
            (std::vector<std::string>{"PATH=/bin", "GTEST_SHARD_INDEXED=kept", "HOME=/root"}));
}
