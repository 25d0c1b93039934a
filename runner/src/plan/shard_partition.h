// Splits a selection into N shards that finish together, for CI jobs that
// each run one shard on a machine of their own (--shard K/N). Pure logic:
// every shard computes the same plan from the same inputs, without talking
// to the others.
//
// Units that must stay together (plan/work_units: groups, and scopes under
// loadscope/loadfile) never split, and all units with a serial case form one
// unit (serial means "while nothing else runs", which another machine's
// shard could break if the case shares something outside the machine).
//
// Units with a history go longest first onto the least-loaded shard (LPT).
// Units without one are placed after them, each on the shard a stable hash
// of its smallest case id names: adding a test then moves no other test, and
// the known units' balance is what it was. Their estimate (the mean known
// duration, or 1 s with no history at all) only counts towards the
// shards' estimated loads.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "model/dist_mode.h"
#include "model/model.h"

namespace ptest {

struct ShardPartitionOptions {
  int shards = 1;
  DistMode mode = DistMode::worksteal;
  // Per manifest case: its duration in the history (< 0: unknown). Empty: no history.
  std::vector<double> known_durations;
};

struct ShardPlan {
  // Per shard (0-based here): indices into the manifest's cases, in manifest order.
  std::vector<std::vector<std::size_t>> shards;
  std::vector<double> estimated_seconds;  // per shard
};

// `selected`: indices into `cases`, in manifest order. `options.shards` >= 1.
ShardPlan partition_shards(const std::vector<TestCase>& cases, const std::vector<std::size_t>& selected,
                           const ShardPartitionOptions& options);

// Names the manifest's cases (ids and targets), so a plan made from another
// manifest is caught.
std::string manifest_digest(const Manifest& manifest);

// Names the plan: the manifest's digest and which case ids each shard runs.
// Equal digests, equal plans, however each shard came by its plan.
std::string plan_digest(const std::string& manifest_digest, const std::vector<std::vector<std::string>>& shard_ids);

}  // namespace ptest
