#include "history.h"

#include <unistd.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "atomic_file.h"
#include "file_lock.h"

namespace ptest {

namespace {

constexpr int kHistorySchemaVersion = 1;

using nlohmann::json;

History parse_history(const std::string& text) {
  const json document = json::parse(text);
  if (document.at("schema_version").get<int>() != kHistorySchemaVersion)
    throw std::runtime_error("schema_version " + document.at("schema_version").dump() + " is not supported");
  History history;
  for (const auto& [id, entry] : document.at("cases").items()) {
    CaseHistory item;
    item.duration = entry.at("duration").get<double>();
    item.failed = entry.at("outcome").get<std::string>() == "failed";
    if (!std::isfinite(item.duration) || item.duration < 0) throw std::runtime_error("/cases/" + id + "/duration: not a duration");
    history.emplace(id, item);
  }
  return history;
}

std::string render_history(const History& history) {
  json cases = json::object();
  for (const auto& [id, item] : history)
    cases[id] = {{"duration", std::round(item.duration * 1e6) / 1e6}, {"outcome", item.failed ? "failed" : "passed"}};
  return json{{"schema_version", kHistorySchemaVersion}, {"cases", cases}}.dump(-1, ' ', false,
                                                                                 json::error_handler_t::replace) +
         "\n";
}

}  // namespace

HistoryRead read_history(const std::string& path) {
  HistoryRead read;
  if (::access(path.c_str(), F_OK) != 0) return read;
  try {
    read.history = parse_history(read_file(path));
  } catch (const std::exception& error) {
    read.warning = "history '" + path + "' is not usable and is ignored (" + error.what() + ")";
    read.history.clear();
  }
  return read;
}

void update_history(const std::string& path, const History& updates) {
  FileLock lock(path + ".lock");
  // A corrupt file is replaced: what it held is lost either way.
  History merged = read_history(path).history;
  for (const auto& [id, item] : updates) merged[id] = item;
  write_file_atomically(path, render_history(merged));
}

}  // namespace ptest
