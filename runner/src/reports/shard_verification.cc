#include "reports/shard_verification.h"

#include <algorithm>
#include <map>
#include <set>

namespace ptest {

namespace {

constexpr std::size_t kMissingShardsNamed = 10;

std::string shard_name(int index, int total) { return "shard " + std::to_string(index) + "/" + std::to_string(total); }

// Each shard 1..N reported exactly once, and each as many cases as its plan gave it.
void check_shards_present(const std::vector<ReportFile>& reports, int total, std::vector<std::string>& problems) {
  std::map<int, std::vector<std::string>> reports_of_shard;
  for (const ReportFile& report : reports) {
    reports_of_shard[report.shard->index].push_back(report.path);
    if (report.shard->total != total)
      problems.push_back("report '" + report.path + "': " + shard_name(report.shard->index, report.shard->total) +
                         ", not of " + std::to_string(total));
    if (report.cases.size() != report.shard->shard_selected)
      problems.push_back("report '" + report.path + "': " + shard_name(report.shard->index, total) + " ran " +
                         std::to_string(report.cases.size()) + " cases, its plan gave it " +
                         std::to_string(report.shard->shard_selected));
    for (const std::string& id : report.shard->not_run)
      problems.push_back("did not run (" + shard_name(report.shard->index, total) + "): " + id);
  }
  for (const auto& [index, paths] : reports_of_shard)
    if (paths.size() > 1)
      problems.push_back(shard_name(index, total) + ": reported " + std::to_string(paths.size()) + " times ('" +
                         paths[0] + "', '" + paths[1] + "')");
  // The first few missing shards by name, the rest counted: a report of
  // shard 1/1000000000 is no reason for a billion lines (or a loop that long).
  const auto in_plan = [total](const auto& entry) { return entry.first >= 1 && entry.first <= total; };
  const auto reported =
      static_cast<std::size_t>(std::count_if(reports_of_shard.begin(), reports_of_shard.end(), in_plan));
  const std::size_t missing = total > 0 ? static_cast<std::size_t>(total) - reported : 0;
  std::size_t named = 0;
  for (int index = 1; index <= total && named < std::min(missing, kMissingShardsNamed); ++index)
    if (!reports_of_shard.count(index)) {
      problems.push_back(shard_name(index, total) + ": no report");
      ++named;
    }
  if (missing > named)
    problems.push_back(std::to_string(missing - named) + " more of the " + std::to_string(total) +
                       " shards: no report");
}

// Every case once, and as many cases as the plan selected.
void check_cases_once(const std::vector<ReportFile>& reports, std::vector<std::string>& problems) {
  std::map<std::string, std::vector<int>> shards_of_case;
  for (const ReportFile& report : reports)
    for (const ReportedCase& reported : report.cases) shards_of_case[reported.id].push_back(report.shard->index);
  for (const auto& [id, shards] : shards_of_case)
    if (shards.size() > 1) {
      std::string where;
      for (const int shard : shards) where += (where.empty() ? "" : ", ") + std::to_string(shard);
      problems.push_back("ran " + std::to_string(shards.size()) + " times (shards " + where + "): " + id);
    }
  const std::size_t planned = reports.front().shard->plan_selected;
  if (shards_of_case.size() != planned)
    problems.push_back("the shards ran " + std::to_string(shards_of_case.size()) + " distinct cases, the plan selected " +
                       std::to_string(planned));
}

}  // namespace

std::string different_plans(const std::vector<ReportFile>& reports) {
  const ReportFile* first = nullptr;
  for (const ReportFile& report : reports) {
    if (!report.shard) continue;
    if (!first) first = &report;
    else if (report.shard->plan_digest != first->shard->plan_digest)
      return "report '" + report.path + "': plan " + report.shard->plan_digest + ", but '" + first->path +
             "' ran plan " + first->shard->plan_digest + ": the shards did not share their inputs "
             "(use ptest plan and --plan)";
  }
  return {};
}

std::vector<std::string> verify_shards(const std::vector<ReportFile>& reports) {
  std::vector<std::string> problems;
  for (const ReportFile& report : reports)
    if (!report.shard) problems.push_back("report '" + report.path + "': not from a --shard run");
  if (!problems.empty() || reports.empty()) return problems;
  if (const std::string plans = different_plans(reports); !plans.empty()) problems.push_back(plans);
  check_shards_present(reports, reports.front().shard->total, problems);
  check_cases_once(reports, problems);
  return problems;
}

}  // namespace ptest
