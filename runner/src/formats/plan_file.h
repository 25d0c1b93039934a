// The shard plan as an artifact (`ptest plan --shards N -o plan.json`), for
// CI jobs that do not share their inputs (one job has the history, the
// others only the plan). Format in docs/formats.md#shard-plan.
#pragma once

#include <string>
#include <vector>

namespace ptest {

struct PlanFile {
  std::string manifest_digest;
  std::string digest;  // plan_digest() of the manifest digest and the shards' ids
  std::string dist;    // the --dist mode whose scopes the plan kept whole
  std::vector<std::vector<std::string>> shard_ids;  // per shard, 0-based: case ids in manifest order
  std::vector<double> estimated_seconds;            // per shard
};

std::string plan_to_json(const PlanFile& plan);

// Throws UserError: "plan '<path>': <why>" for a missing file or one that is not a plan.
PlanFile read_plan(const std::string& path);

// The same for a plan's text already read; `path` only names it in the error.
PlanFile parse_plan(const std::string& text, const std::string& path);

}  // namespace ptest
