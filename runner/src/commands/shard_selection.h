// The glue between the command line and the shard planner: which shard this
// run is, the plan (computed here, or read from `--plan`), and the history
// both the planner and the run read.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "formats/history.h"
#include "formats/plan_file.h"
#include "model/dist_mode.h"
#include "model/model.h"
#include "plan/shard_spec.h"

namespace ptest {

// --history, else history.json beside the manifest.
std::string history_path(const std::string& flag, const std::string& manifest_path);

// A history named with --history must be ours: one that is not is a usage
// error (UserError), not the warning a corrupt default history gets.
HistoryRead read_run_history(const std::string& flag, const std::string& manifest_path);

// --shard K/N as given, or 'auto' from the CI's variables, printing one line
// on what it found (on stderr). Throws UsageError when 'auto' finds none.
ShardSpec resolve_shard_spec(const std::string& text);

// Splits the selection into `shards` and names the result.
PlanFile make_plan(const Manifest& manifest, const std::vector<std::size_t>& selected, DistMode mode, int shards,
                   const History& history);

struct ShardRun {
  ShardSpec spec;
  std::string digest;               // the plan's
  std::size_t plan_selected = 0;    // cases in all the plan's shards
  std::vector<std::size_t> cases;   // this shard's, indices into the manifest, in its order
};

// This shard's part of `selected`, by the plan in `plan_path` when given
// (which must come from this manifest, for this many shards and this
// --dist). Throws UserError.
ShardRun shard_of(const ShardSpec& spec, const std::string& plan_path, const Manifest& manifest,
                  const std::vector<std::size_t>& selected, DistMode mode, const History& history);

}  // namespace ptest
