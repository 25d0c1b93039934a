#include "plan/shard_spec.h"

#include <gtest/gtest.h>

#include <map>

#include "model/errors.h"

using namespace ptest;

namespace {

EnvironmentLookup environment(std::map<std::string, std::string> variables) {
  return [variables = std::move(variables)](const char* name) -> const char* {
    const auto it = variables.find(name);
    return it == variables.end() ? nullptr : it->second.c_str();
  };
}

}  // namespace

TEST(ShardSpec, ParsesKOfN) {
  const ShardSpec spec = parse_shard_spec("2/4");
  EXPECT_EQ(spec.index, 2);
  EXPECT_EQ(spec.total, 4);
  EXPECT_EQ(parse_shard_spec("1/1").total, 1);
}

TEST(ShardSpec, RejectsWhatIsNotKOfN) {
  for (const char* bad : {"0/4", "5/4", "a/b", "2", "", "/4", "2/", "-1/4", "2/0", "1/4/2", " 1/4"}) {
    try {
      parse_shard_spec(bad);
      ADD_FAILURE() << bad;
    } catch (const UsageError& error) {
      EXPECT_EQ(std::string(error.what()).rfind("argument --shard '" + std::string(bad) + "': ", 0), 0u) << error.what();
    }
  }
}

TEST(ShardSpec, DetectsEachCiAndNormalisesItsBase) {
  const struct {
    std::map<std::string, std::string> variables;
    int index;
  } cases[] = {
      {{{"CI_NODE_INDEX", "1"}, {"CI_NODE_TOTAL", "4"}}, 1},  // GitLab counts from 1
      {{{"CIRCLE_NODE_INDEX", "0"}, {"CIRCLE_NODE_TOTAL", "4"}}, 1},
      {{{"BUILDKITE_PARALLEL_JOB", "3"}, {"BUILDKITE_PARALLEL_JOB_COUNT", "4"}}, 4},
      {{{"TEST_SHARD_INDEX", "2"}, {"TEST_TOTAL_SHARDS", "4"}}, 3},
      {{{"GTEST_SHARD_INDEX", "1"}, {"GTEST_TOTAL_SHARDS", "4"}}, 2},
  };
  for (const auto& c : cases) {
    const auto found = detect_ci_shard(environment(c.variables));
    ASSERT_TRUE(found) << c.variables.begin()->first;
    EXPECT_EQ(found->index, c.index) << found->source;
    EXPECT_EQ(found->total, 4);
  }
  EXPECT_TRUE(detect_ci_shard(environment({{"TEST_SHARD_INDEX", "0"}, {"TEST_TOTAL_SHARDS", "2"}}))->from_bazel);
  EXPECT_FALSE(detect_ci_shard(environment({{"CI_NODE_INDEX", "1"}, {"CI_NODE_TOTAL", "2"}}))->from_bazel);
}

TEST(ShardSpec, FindsNothingWithoutBothVariables) {
  EXPECT_FALSE(detect_ci_shard(environment({})));
  EXPECT_FALSE(detect_ci_shard(environment({{"CI_NODE_INDEX", "1"}})));
  EXPECT_FALSE(detect_ci_shard(environment({{"GTEST_TOTAL_SHARDS", "3"}})));
}

TEST(ShardSpec, RejectsCiValuesOutOfRange) {
  EXPECT_THROW(detect_ci_shard(environment({{"CI_NODE_INDEX", "0"}, {"CI_NODE_TOTAL", "4"}})), UsageError);
  EXPECT_THROW(detect_ci_shard(environment({{"CIRCLE_NODE_INDEX", "4"}, {"CIRCLE_NODE_TOTAL", "4"}})), UsageError);
  EXPECT_THROW(detect_ci_shard(environment({{"TEST_SHARD_INDEX", "x"}, {"TEST_TOTAL_SHARDS", "4"}})), UsageError);
}

TEST(ShardSpec, NamesEveryVariableItReads) {
  const auto& names = shard_variable_names();
  for (const char* name : {"GTEST_SHARD_INDEX", "GTEST_TOTAL_SHARDS", "CI_NODE_INDEX", "TEST_TOTAL_SHARDS",
                           "BUILDKITE_PARALLEL_JOB_COUNT", "CIRCLE_NODE_TOTAL", "TEST_SHARD_STATUS_FILE"})
    EXPECT_NE(std::find(names.begin(), names.end(), name), names.end()) << name;
}
