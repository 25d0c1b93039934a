#include "formats/plan_file.h"

#include <nlohmann/json.hpp>

#include "model/errors.h"
#include "util/atomic_file.h"

namespace ptest {

namespace {

constexpr int kPlanSchemaVersion = 1;

using nlohmann::json;

PlanFile plan_from_json(const json& document) {
  if (!document.is_object() || document.value("kind", "") != "ptest-plan") throw std::runtime_error("not a ptest plan");
  if (document.value("schema_version", 0) != kPlanSchemaVersion)
    throw std::runtime_error("schema_version is not " + std::to_string(kPlanSchemaVersion));
  PlanFile plan;
  plan.manifest_digest = document.at("manifest_digest").get<std::string>();
  plan.digest = document.at("digest").get<std::string>();
  plan.dist = document.at("dist").get<std::string>();
  for (const json& shard : document.at("shards")) {
    plan.shard_ids.push_back(shard.at("cases").get<std::vector<std::string>>());
    plan.estimated_seconds.push_back(shard.at("estimated_seconds").get<double>());
  }
  if (plan.shard_ids.empty()) throw std::runtime_error("no shards");
  return plan;
}

}  // namespace

std::string plan_to_json(const PlanFile& plan) {
  json shards = json::array();
  for (std::size_t i = 0; i < plan.shard_ids.size(); ++i)
    shards.push_back({{"shard", i + 1},
                      {"estimated_seconds", plan.estimated_seconds[i]},
                      {"cases", plan.shard_ids[i]}});
  const json document = {{"kind", "ptest-plan"},
                         {"schema_version", kPlanSchemaVersion},
                         {"manifest_digest", plan.manifest_digest},
                         {"digest", plan.digest},
                         {"dist", plan.dist},
                         {"shards", std::move(shards)}};
  return document.dump(1) + "\n";
}

PlanFile read_plan(const std::string& path) {
  std::string text;
  try {
    text = read_file(path);
  } catch (const FileError& error) {
    throw UserError("plan '" + path + "': " + error.reason());
  }
  return parse_plan(text, path);
}

PlanFile parse_plan(const std::string& text, const std::string& path) {
  try {
    return plan_from_json(json::parse(text));
  } catch (const std::exception& error) {
    throw UserError("plan '" + path + "': " + error.what());
  }
}

}  // namespace ptest
