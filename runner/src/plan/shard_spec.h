// Which shard this run is: --shard K/N (1-based), or --shard auto, which
// reads the variables the CI system sets for its parallel jobs.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace ptest {

struct ShardSpec {
  int index = 1;  // 1-based: K of N
  int total = 1;
  std::string source;  // where it came from: "--shard" or the CI's variables, for messages
  bool from_bazel = false;  // Bazel asks a sharding test to touch TEST_SHARD_STATUS_FILE
};

// "K/N" with 1 <= K <= N. Throws UsageError naming --shard.
ShardSpec parse_shard_spec(const std::string& text);

using EnvironmentLookup = std::function<const char*(const char* name)>;

// The first CI system whose index and total variables are both set: GitLab
// (1-based), CircleCI, Buildkite, Bazel, GoogleTest (0-based), normalised
// to 1-based. Nothing when none is set. Throws UsageError when a system's
// values are not numbers or out of range.
std::optional<ShardSpec> detect_ci_shard(const EnvironmentLookup& lookup);

// Every variable detect_ci_shard() reads: test processes never see them (a
// GoogleTest binary that sees GTEST_TOTAL_SHARDS re-shards its batch and
// silently drops cases).
const std::vector<std::string>& shard_variable_names();

}  // namespace ptest
