#include "formats/report_file.h"

#include <nlohmann/json.hpp>

#include "model/errors.h"
#include "util/atomic_file.h"

namespace ptest {

namespace {

using nlohmann::json;

ReportedCase case_from_json(const json& entry, int shard) {
  ReportedCase reported;
  reported.id = entry.at("id").get<std::string>();
  reported.outcome = entry.at("outcome").get<std::string>();
  reported.worker = entry.value("worker", "");
  reported.duration = entry.at("duration").get<double>();
  reported.start = entry.value("start", 0.0);
  reported.stop = entry.value("stop", reported.start + reported.duration);
  reported.message = entry.value("message", "");
  reported.output = entry.value("output", "");
  reported.shard = entry.value("shard", shard);
  return reported;
}

ReportFile report_from_json(const json& document) {
  if (!document.is_object() || !document.contains("ptest_version") || !document.contains("cases"))
    throw std::runtime_error("not a ptest JSON report (--report-json)");
  ReportFile report;
  report.testrun_uid = document.value("testrun_uid", "");
  report.dist = document.value("dist", "");
  report.workers = document.value("workers", 0);
  const json& summary = document.at("summary");
  report.selected = summary.at("selected").get<std::size_t>();
  report.not_run = summary.value("not_run", std::size_t{0});
  report.duration = summary.value("duration", 0.0);
  report.interrupted = summary.value("interrupted", false);
  if (document.contains("shard")) {
    const json& shard = document.at("shard");
    report.shard = ReportedShard{shard.at("index").get<int>(), shard.at("total").get<int>(),
                                 shard.at("plan_digest").get<std::string>(),
                                 shard.at("plan_selected").get<std::size_t>(),
                                 shard.at("shard_selected").get<std::size_t>(),
                                 shard.value("not_run", std::vector<std::string>{})};
  }
  for (const json& entry : document.at("cases"))
    report.cases.push_back(case_from_json(entry, report.shard ? report.shard->index : 0));
  return report;
}

}  // namespace

ReportFile read_report(const std::string& path) {
  std::string text;
  try {
    text = read_file(path);
  } catch (const FileError& error) {
    throw UserError("report '" + path + "': " + error.reason());
  }
  return parse_report(text, path);
}

ReportFile parse_report(const std::string& text, const std::string& path) {
  try {
    ReportFile report = report_from_json(json::parse(text));
    report.path = path;
    return report;
  } catch (const std::exception& error) {
    throw UserError("report '" + path + "': " + error.what());
  }
}

}  // namespace ptest
