#include "formats/run_journal.h"

#include <nlohmann/json.hpp>
#include <sstream>

#include "util/atomic_file.h"

namespace ptest {

namespace {

using nlohmann::json;

std::string line_of(const json& record) {
  return record.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace

std::vector<std::string> JournalContents::not_finished() const {
  std::vector<std::string> ids;
  for (const std::string& id : selected)
    if (!finished.count(id)) ids.push_back(id);
  return ids;
}

std::string journal_run_started(const std::string& testrun_uid, const std::vector<std::string>& selected) {
  return line_of({{"$report_type", "RunStarted"}, {"testrun_uid", testrun_uid}, {"selected", selected}});
}

std::string journal_case_finished(const std::string& id, const std::string& outcome, double duration) {
  return line_of({{"$report_type", "CaseFinished"}, {"id", id}, {"outcome", outcome}, {"duration", duration}});
}

std::string journal_run_finished(bool interrupted) {
  return line_of({{"$report_type", "RunFinished"}, {"interrupted", interrupted}});
}

JournalContents read_journal(const std::string& path) { return parse_journal(read_file(path)); }

JournalContents parse_journal(const std::string& text) {
  JournalContents contents;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    const json record = json::parse(line, nullptr, false);
    if (!record.is_object() || !record.contains("$report_type") || !record["$report_type"].is_string()) continue;
    const std::string type = record["$report_type"].get<std::string>();
    if (type == "RunStarted") {
      if (record.contains("testrun_uid") && record["testrun_uid"].is_string())
        contents.testrun_uid = record["testrun_uid"].get<std::string>();
      if (record.contains("selected") && record["selected"].is_array())
        for (const json& id : record["selected"])
          if (id.is_string()) contents.selected.push_back(id);
    } else if (type == "CaseFinished" && record.contains("id") && record["id"].is_string()) {
      contents.finished.insert(record["id"].get<std::string>());
    } else if (type == "RunFinished") {
      contents.run_finished = true;
    }
  }
  return contents;
}

}  // namespace ptest
