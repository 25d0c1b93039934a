#include "formats/report_file.h"

#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "model/errors.h"
#include "util/atomic_file.h"

namespace ptest {

namespace {

using nlohmann::json;

// A count or an index: a JSON integer within the type's range. nlohmann's
// get<int>() casts a float (1e300) as it is, which is undefined behaviour;
// `pointer` names the field in the error.
template <typename Whole>
Whole whole_number(const json& value, const std::string& pointer) {
  using Limits = std::numeric_limits<Whole>;
  if (value.is_number_unsigned()) {
    const std::uint64_t number = value.get<std::uint64_t>();
    if (number <= static_cast<std::uint64_t>(Limits::max())) return static_cast<Whole>(number);
  } else if (value.is_number_integer()) {
    const std::int64_t number = value.get<std::int64_t>();
    const bool fits = number < 0 ? Limits::is_signed && number >= static_cast<std::int64_t>(Limits::min())
                                 : static_cast<std::uint64_t>(number) <= static_cast<std::uint64_t>(Limits::max());
    if (fits) return static_cast<Whole>(number);
  }
  throw std::runtime_error(pointer + ": not a whole number from " + std::to_string(Limits::min()) + " to " +
                           std::to_string(Limits::max()));
}

template <typename Whole>
Whole whole_number(const json& object, const char* key, const std::string& pointer, Whole otherwise) {
  return object.contains(key) ? whole_number<Whole>(object.at(key), pointer + "/" + key) : otherwise;
}

ReportedCase case_from_json(const json& entry, int shard, const std::string& pointer) {
  ReportedCase reported;
  reported.id = entry.at("id").get<std::string>();
  reported.outcome = entry.at("outcome").get<std::string>();
  reported.worker = entry.value("worker", "");
  reported.duration = entry.at("duration").get<double>();
  reported.start = entry.value("start", 0.0);
  reported.stop = entry.value("stop", reported.start + reported.duration);
  reported.message = entry.value("message", "");
  reported.output = entry.value("output", "");
  reported.shard = whole_number(entry, "shard", pointer, shard);
  if (entry.contains("leaks")) {
    const json& leaks = entry.at("leaks");
    for (std::size_t i = 0; i < leaks.size(); ++i) {
      const std::string at = pointer + "/leaks/" + std::to_string(i);
      reported.leaks.push_back(
          {whole_number<int>(leaks.at(i).at("pid"), at + "/pid"), leaks.at(i).value("command_line", "")});
    }
  }
  return reported;
}

ReportFile report_from_json(const json& document) {
  if (!document.is_object() || !document.contains("ptest_version") || !document.contains("cases"))
    throw std::runtime_error("not a ptest JSON report (--report-json)");
  ReportFile report;
  report.testrun_uid = document.value("testrun_uid", "");
  report.dist = document.value("dist", "");
  report.workers = whole_number(document, "workers", "", 0);
  const json& summary = document.at("summary");
  report.selected = whole_number<std::size_t>(summary.at("selected"), "/summary/selected");
  report.not_run = whole_number(summary, "not_run", "/summary", std::size_t{0});
  report.duration = summary.value("duration", 0.0);
  report.interrupted = summary.value("interrupted", false);
  if (document.contains("shard")) {
    const json& shard = document.at("shard");
    report.shard = ReportedShard{whole_number<int>(shard.at("index"), "/shard/index"),
                                 whole_number<int>(shard.at("total"), "/shard/total"),
                                 shard.at("plan_digest").get<std::string>(),
                                 whole_number<std::size_t>(shard.at("plan_selected"), "/shard/plan_selected"),
                                 whole_number<std::size_t>(shard.at("shard_selected"), "/shard/shard_selected"),
                                 shard.value("not_run", std::vector<std::string>{})};
    if (report.shard->total < 1 || report.shard->index < 1 || report.shard->index > report.shard->total)
      throw std::runtime_error("/shard: index " + std::to_string(report.shard->index) + " of " +
                               std::to_string(report.shard->total) + " (shards count from 1 to the total)");
  }
  const json& cases = document.at("cases");
  for (std::size_t i = 0; i < cases.size(); ++i)
    report.cases.push_back(
        case_from_json(cases.at(i), report.shard ? report.shard->index : 0, "/cases/" + std::to_string(i)));
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
