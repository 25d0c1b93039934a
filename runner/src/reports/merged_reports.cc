#include "reports/merged_reports.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "model/version.h"
#include "reports/junit_report.h"

namespace ptest {

namespace {

using nlohmann::json;

double rounded(double seconds) { return std::round(seconds * 1e6) / 1e6; }

json summary_of(const std::vector<ReportFile>& reports) {
  std::map<std::string, std::size_t> counts{{"passed", 0}, {"failed", 0}, {"skipped", 0}, {"crashed", 0}, {"timeout", 0}};
  std::size_t selected = 0, not_run = 0, leaked = 0;
  double duration = 0;
  bool interrupted = false;
  for (const ReportFile& report : reports) {
    for (const ReportedCase& reported : report.cases) {
      ++counts[reported.outcome];
      leaked += reported.leaks.size();
    }
    selected += report.selected;
    not_run += report.not_run;
    duration = std::max(duration, report.duration);  // the shards ran at the same time
    interrupted = interrupted || report.interrupted;
  }
  json summary = {{"selected", selected}};
  for (const auto& [outcome, count] : counts) summary[outcome] = count;
  summary["not_run"] = not_run;
  summary["leaked"] = leaked;
  summary["duration"] = rounded(duration);
  summary["interrupted"] = interrupted;
  return summary;
}

json case_json(const ReportedCase& reported) {
  json entry = {{"id", reported.id},         {"outcome", reported.outcome}, {"duration", rounded(reported.duration)},
                {"worker", reported.worker}, {"start", rounded(reported.start)}, {"stop", rounded(reported.stop)}};
  if (reported.shard > 0) entry["shard"] = reported.shard;
  if (!reported.message.empty()) entry["message"] = reported.message;
  if (!reported.output.empty()) entry["output"] = reported.output;
  for (const ReportedLeak& leak : reported.leaks)
    entry["leaks"].push_back({{"pid", leak.pid}, {"command_line", leak.command_line}});
  return entry;
}

Outcome outcome_of(const std::string& name) {
  for (const Outcome outcome : {Outcome::passed, Outcome::failed, Outcome::skipped, Outcome::crashed, Outcome::timeout})
    if (name == outcome_name(outcome)) return outcome;
  return Outcome::failed;
}

// The cases as the JUnit writer knows them, rebuilt from their ids
// ("<target>::<Suite>.<Test>"): a shard report has no manifest beside it.
TestCase case_from_id(const std::string& id, std::map<std::string, std::size_t>& targets, Manifest& manifest) {
  const auto colons = id.find("::");
  const std::string target = colons == std::string::npos ? "" : id.substr(0, colons);
  TestCase test_case;
  test_case.id = id;
  test_case.name = colons == std::string::npos ? id : id.substr(colons + 2);
  const auto dot = test_case.name.find('.');
  // A plain case's name has no dot: its suite is itself.
  test_case.suite = dot == std::string::npos ? test_case.name : test_case.name.substr(0, dot);
  const auto [it, added] = targets.emplace(target, manifest.targets.size());
  if (added) {
    Target named;
    named.name = target;
    manifest.targets.push_back(std::move(named));
  }
  test_case.target = it->second;
  return test_case;
}

}  // namespace

std::string render_merged_json(const std::vector<ReportFile>& reports) {
  json cases = json::array(), parts = json::array();
  int workers = 0;
  for (const ReportFile& report : reports) {
    for (const ReportedCase& reported : report.cases) cases.push_back(case_json(reported));
    json part = {{"report", report.path}, {"testrun_uid", report.testrun_uid}, {"workers", report.workers},
                 {"duration", rounded(report.duration)}, {"cases", report.cases.size()}};
    if (report.shard) {
      part["shard"] = report.shard->index;
      part["total"] = report.shard->total;
      part["plan_digest"] = report.shard->plan_digest;
    }
    parts.push_back(std::move(part));
    workers += report.workers;
  }
  const json document = {{"ptest_version", kPtestVersion},
                         {"testrun_uid", reports.empty() ? "" : reports.front().testrun_uid},
                         {"workers", workers},
                         {"dist", reports.empty() ? "" : reports.front().dist},
                         {"merged_from", std::move(parts)},
                         {"summary", summary_of(reports)},
                         {"cases", std::move(cases)}};
  return document.dump(1, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string render_merged_junit(const std::vector<ReportFile>& reports) {
  Manifest manifest;
  std::map<std::string, std::size_t> targets;
  std::vector<CaseResult> results;
  for (const ReportFile& report : reports)
    for (const ReportedCase& reported : report.cases) {
      manifest.cases.push_back(case_from_id(reported.id, targets, manifest));
      CaseResult result;
      result.case_index = manifest.cases.size() - 1;
      result.outcome = outcome_of(reported.outcome);
      result.start = reported.start;
      result.stop = reported.start + reported.duration;
      result.message = reported.message;
      result.output = reported.output;
      for (const ReportedLeak& leak : reported.leaks) result.leaks.push_back({leak.pid, leak.command_line});
      results.push_back(std::move(result));
    }
  JunitReport junit(manifest);
  for (const CaseResult& result : results) junit.case_finished(manifest.cases[result.case_index], result);
  RunSummary summary;
  for (const ReportFile& report : reports) summary.duration = std::max(summary.duration, report.duration);
  junit.run_finished(summary);
  return junit.render();
}

History merged_history(const std::vector<ReportFile>& reports) {
  History history;
  for (const ReportFile& report : reports)
    for (const ReportedCase& reported : report.cases)
      if (reported.outcome != "skipped")
        history[reported.id] = CaseHistory{reported.duration, is_failure(outcome_of(reported.outcome)), {}};
  return history;
}

}  // namespace ptest
