#include "plan/shard_spec.h"

#include <cstdlib>

#include "model/errors.h"

namespace ptest {

namespace {

struct CiShardVariables {
  const char* system;
  const char* index;
  const char* total;
  int base;  // what the first shard's index is
};

// In the order they are tried: a CI job under Bazel has both, and Bazel's
// are the ones meant for the test.
constexpr CiShardVariables kCiSystems[] = {
    {"Bazel", "TEST_SHARD_INDEX", "TEST_TOTAL_SHARDS", 0},
    {"GitLab", "CI_NODE_INDEX", "CI_NODE_TOTAL", 1},
    {"CircleCI", "CIRCLE_NODE_INDEX", "CIRCLE_NODE_TOTAL", 0},
    {"Buildkite", "BUILDKITE_PARALLEL_JOB", "BUILDKITE_PARALLEL_JOB_COUNT", 0},
    {"GoogleTest", "GTEST_SHARD_INDEX", "GTEST_TOTAL_SHARDS", 0},
};

std::optional<long> whole_number(const std::string& text) {
  if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  return std::strtol(text.c_str(), nullptr, 10);
}

}  // namespace

ShardSpec parse_shard_spec(const std::string& text) {
  const auto slash = text.find('/');
  const auto index = slash == std::string::npos ? std::nullopt : whole_number(text.substr(0, slash));
  const auto total = slash == std::string::npos ? std::nullopt : whole_number(text.substr(slash + 1));
  if (!index || !total)
    throw UsageError("argument --shard '" + text + "': expected K/N (this is shard K of N, from 1), or 'auto'");
  if (*total < 1 || *index < 1 || *index > *total)
    throw UsageError("argument --shard '" + text + "': K must be from 1 to N (shards count from 1)");
  return ShardSpec{static_cast<int>(*index), static_cast<int>(*total), "--shard", false};
}

std::optional<ShardSpec> detect_ci_shard(const EnvironmentLookup& lookup) {
  for (const CiShardVariables& ci : kCiSystems) {
    const char* index_text = lookup(ci.index);
    const char* total_text = lookup(ci.total);
    if (!index_text || !total_text) continue;
    const auto index = whole_number(index_text);
    const auto total = whole_number(total_text);
    const std::string shown = std::string(ci.index) + "=" + index_text + " " + ci.total + "=" + total_text;
    if (!index || !total || *total < 1 || *index < ci.base || *index - ci.base >= *total)
      throw UsageError("argument --shard 'auto': " + std::string(ci.system) + "'s " + shown +
                       " is not a shard index from " + std::to_string(ci.base) + " and a total");
    return ShardSpec{static_cast<int>(*index - ci.base + 1), static_cast<int>(*total),
                     std::string(ci.system) + " (" + shown + ")", ci.index == std::string("TEST_SHARD_INDEX")};
  }
  return std::nullopt;
}

const std::vector<std::string>& shard_variable_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> all;
    for (const CiShardVariables& ci : kCiSystems) {
      all.emplace_back(ci.index);
      all.emplace_back(ci.total);
    }
    all.emplace_back("TEST_SHARD_STATUS_FILE");
    return all;
  }();
  return names;
}

}  // namespace ptest
