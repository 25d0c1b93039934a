#include "formats/last_run.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "util/atomic_file.h"
#include "util/paths.h"

namespace ptest {

namespace {

constexpr int kLastRunSchemaVersion = 1;

}  // namespace

LastRun parse_last_run(const std::string& text) {
  using nlohmann::json;
  const json document = json::parse(text);  // throws json::exception, a std::exception
  if (!document.is_object() || document.value("schema_version", 0) != kLastRunSchemaVersion)
    throw std::runtime_error("schema_version is not " + std::to_string(kLastRunSchemaVersion));
  LastRun last_run;
  last_run.testrun_uid = document.value("testrun_uid", "");
  for (const json& id : document.at("not_run")) last_run.not_run.push_back(id.get<std::string>());
  const json& seed = document.at("random_order_seed");
  if (!seed.is_null()) last_run.random_order_seed = seed.get<std::uint64_t>();
  return last_run;
}

std::string last_run_to_json(const LastRun& last_run) {
  nlohmann::json document = {{"schema_version", kLastRunSchemaVersion},
                             {"testrun_uid", last_run.testrun_uid},
                             {"random_order_seed", nullptr},
                             {"not_run", last_run.not_run}};
  if (last_run.random_order_seed) document["random_order_seed"] = *last_run.random_order_seed;
  return document.dump(1) + "\n";
}

LastRunRead read_last_run(const std::string& path) {
  LastRunRead read;
  if (!path_exists(path)) return read;
  try {
    read.last_run = parse_last_run(read_file(path));
  } catch (const std::exception& error) {
    read.warning = "last run '" + path + "' ignored: " + error.what();
  }
  return read;
}

void write_last_run(const std::string& path, const LastRun& last_run) {
  write_file_atomically(path, last_run_to_json(last_run));
}

}  // namespace ptest
