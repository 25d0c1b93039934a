#include "commands/shard_selection.h"

#include <cstdio>
#include <cstdlib>
#include <unordered_map>

#include "model/errors.h"
#include "plan/shard_partition.h"
#include "util/atomic_file.h"
#include "util/paths.h"

namespace ptest {

std::string history_path(const std::string& flag, const std::string& manifest_path) {
  return flag.empty() ? sibling_path(manifest_path, "history.json") : flag;
}

HistoryRead read_run_history(const std::string& flag, const std::string& manifest_path) {
  HistoryRead read = read_history(history_path(flag, manifest_path));
  if (!read.warning.empty() && !flag.empty())
    throw UsageError("argument --history '" + flag + "': not a ptest duration history (" + read.warning + ")");
  return read;
}

ShardSpec resolve_shard_spec(const std::string& text) {
  if (text != "auto") return parse_shard_spec(text);
  const auto found = detect_ci_shard([](const char* name) { return static_cast<const char*>(std::getenv(name)); });
  if (!found)
    throw UsageError("argument --shard 'auto': no CI shard variables found (CI_NODE_INDEX/CI_NODE_TOTAL, "
                     "CIRCLE_NODE_INDEX/CIRCLE_NODE_TOTAL, BUILDKITE_PARALLEL_JOB/BUILDKITE_PARALLEL_JOB_COUNT, "
                     "TEST_SHARD_INDEX/TEST_TOTAL_SHARDS, GTEST_SHARD_INDEX/GTEST_TOTAL_SHARDS); "
                     "refusing to run every case; pass --shard K/N");
  // On stderr, so that --collect-only --json stays JSON.
  std::fprintf(stderr, "ptest: shard %d/%d from %s\n", found->index, found->total, found->source.c_str());
  // Bazel's test protocol: touching the file says the test understood sharding.
  if (const char* status_file = std::getenv("TEST_SHARD_STATUS_FILE"); status_file && found->from_bazel)
    write_file_atomically(status_file, "");
  return *found;
}

namespace {

std::vector<double> known_durations(const Manifest& manifest, const History& history) {
  if (history.empty()) return {};
  std::vector<double> known(manifest.cases.size(), -1);
  for (std::size_t i = 0; i < manifest.cases.size(); ++i) {
    const auto it = history.find(manifest.cases[i].id);
    if (it != history.end()) known[i] = it->second.duration;
  }
  return known;
}

std::vector<std::size_t> resolve_ids(const std::string& plan_path, const Manifest& manifest,
                                     const std::vector<std::string>& ids) {
  std::unordered_map<std::string, std::size_t> index_of;
  for (std::size_t i = 0; i < manifest.cases.size(); ++i) index_of.emplace(manifest.cases[i].id, i);
  std::vector<std::size_t> cases;
  for (const std::string& id : ids) {
    const auto it = index_of.find(id);
    if (it == index_of.end()) throw UserError("plan '" + plan_path + "': case '" + id + "' is not in the manifest");
    cases.push_back(it->second);
  }
  return cases;
}

// A plan is only good for the manifest, shard count and --dist it was made for.
void check_plan(const std::string& path, const PlanFile& plan, const ShardSpec& spec, const Manifest& manifest,
                DistMode mode) {
  const std::string ours = manifest_digest(manifest);
  if (plan.manifest_digest != ours)
    throw UserError("plan '" + path + "': made from another manifest (its digest " + plan.manifest_digest +
                    ", this manifest's " + ours + "); make the plan again from this build");
  if (plan.shard_ids.size() != static_cast<std::size_t>(spec.total))
    throw UserError("plan '" + path + "': has " + std::to_string(plan.shard_ids.size()) + " shards, not " +
                    std::to_string(spec.total));
  if (plan.dist != dist_mode_name(mode))
    throw UserError("plan '" + path + "': made for --dist " + plan.dist + ", not " + dist_mode_name(mode));
  if (plan_digest(plan.manifest_digest, plan.shard_ids) != plan.digest)
    throw UserError("plan '" + path + "': its digest does not match its shards (edited by hand?)");
}

}  // namespace

PlanFile make_plan(const Manifest& manifest, const std::vector<std::size_t>& selected, DistMode mode, int shards,
                   const History& history) {
  ShardPartitionOptions options;
  options.shards = shards;
  options.mode = mode;
  options.known_durations = known_durations(manifest, history);
  const ShardPlan partition = partition_shards(manifest.cases, selected, options);
  PlanFile plan;
  plan.manifest_digest = manifest_digest(manifest);
  plan.dist = dist_mode_name(mode);
  plan.estimated_seconds = partition.estimated_seconds;
  for (const std::vector<std::size_t>& shard : partition.shards) {
    plan.shard_ids.emplace_back();
    for (std::size_t i : shard) plan.shard_ids.back().push_back(manifest.cases[i].id);
  }
  plan.digest = plan_digest(plan.manifest_digest, plan.shard_ids);
  return plan;
}

ShardRun shard_of(const ShardSpec& spec, const std::string& plan_path, const Manifest& manifest,
                  const std::vector<std::size_t>& selected, DistMode mode, const History& history) {
  PlanFile plan;
  if (plan_path.empty()) {
    plan = make_plan(manifest, selected, mode, spec.total, history);
  } else {
    plan = read_plan(plan_path);
    check_plan(plan_path, plan, spec, manifest, mode);
  }
  ShardRun run;
  run.spec = spec;
  run.digest = plan.digest;
  for (const std::vector<std::string>& ids : plan.shard_ids) run.plan_selected += ids.size();
  run.cases = resolve_ids(plan_path, manifest, plan.shard_ids[static_cast<std::size_t>(spec.index - 1)]);
  return run;
}

}  // namespace ptest
