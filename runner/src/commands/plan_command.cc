#include "commands/plan_command.h"

#include <cstdio>

#include "commands/manifest_location.h"
#include "commands/shard_selection.h"
#include "commands/subcommand.h"
#include "formats/manifest.h"
#include "model/exit_status.h"
#include "plan/marker_check.h"
#include "plan/selection.h"
#include "util/atomic_file.h"

namespace ptest {

namespace {

struct PlanOptions {
  std::string manifest_path, history_path, output;
  int shards = 0;
  std::string dist = "worksteal";
  SelectionOptions selection;
};

// Throws UsageError; nothing when --help printed its text.
std::optional<PlanOptions> parse_plan_options(const std::vector<std::string>& arguments, int& exit_now) {
  PlanOptions options;
  CLI::App app{"ptest plan: split the selection into shards and write the plan", "ptest plan"};
  app.add_option("--shards", options.shards, "how many shards")->required();
  app.add_option("-o,--output", options.output, "the plan file to write")->required();
  app.add_option("--manifest", options.manifest_path, "manifest (default: ptest/manifest.json here or above)");
  app.add_option("--history", options.history_path, "duration history (default: history.json beside the manifest)");
  app.add_option("--dist", options.dist, "the --dist mode the shards run with: its scopes stay whole");
  app.add_option("-m", options.selection.marker_expression, "marker expression");
  app.add_option("-k", options.selection.keyword_expression, "keyword expression");
  app.add_option("patterns", options.selection.id_patterns, "globs on case ids");
  if (const auto status = parse_subcommand(app, arguments, "plan")) {
    exit_now = *status;
    return std::nullopt;
  }
  if (options.shards < 1 || options.shards > 100000)
    throw UsageError("argument --shards '" + std::to_string(options.shards) + "': expected a number of shards >= 1");
  const auto mode = parse_dist_mode(options.dist);
  if (!mode || *mode == DistMode::no)
    throw UsageError("argument --dist '" + options.dist + "': expected worksteal, load, loadscope, loadfile or loadgroup");
  return options;
}

int make_and_write_plan(const PlanOptions& options) {
  const std::string manifest_path = locate_manifest(options.manifest_path);
  const Manifest manifest = read_manifest(manifest_path);
  const Selection selection(options.selection);
  check_markers(selection, manifest);
  const std::vector<std::size_t> selected = selection.apply(manifest);
  if (selected.empty()) {
    std::printf("ptest: no tests selected (%zu in the manifest)\n", manifest.cases.size());
    return kExitNoTests;
  }
  const HistoryRead history = read_run_history(options.history_path, manifest_path);
  if (!history.warning.empty()) std::fprintf(stderr, "ptest: warning: %s\n", history.warning.c_str());
  const PlanFile plan = make_plan(manifest, selected, *parse_dist_mode(options.dist), options.shards, history.history);
  write_file_atomically(options.output, plan_to_json(plan));
  for (std::size_t shard = 0; shard < plan.shard_ids.size(); ++shard)
    std::printf("ptest: plan %s: shard %zu/%zu: %zu cases, %.1f s estimated\n", plan.digest.c_str(), shard + 1,
                plan.shard_ids.size(), plan.shard_ids[shard].size(), plan.estimated_seconds[shard]);
  return kExitOk;
}

}  // namespace

int plan_command(const std::vector<std::string>& arguments) {
  return run_subcommand([&] {
    int exit_now = kExitOk;
    const std::optional<PlanOptions> options = parse_plan_options(arguments, exit_now);
    return options ? make_and_write_plan(*options) : exit_now;
  });
}

}  // namespace ptest
