#include "reports/json_report.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "model/version.h"

namespace ptest {

namespace {

// Microsecond precision is plenty and keeps the file readable.
double rounded(double seconds) { return std::round(seconds * 1e6) / 1e6; }

}  // namespace

std::string JsonReport::render() const {
  using nlohmann::json;
  const std::vector<const CaseResult*> ordered = in_manifest_order();
  json cases = json::array();
  for (const CaseResult* result : ordered) {
    const TestCase& test_case = manifest_.cases[result->case_index];
    json entry = {{"id", test_case.id},
                  {"outcome", outcome_name(result->outcome)},
                  {"duration", rounded(result->stop - result->start)},
                  {"worker", worker_name(result->worker)},
                  {"start", rounded(result->start)},
                  {"stop", rounded(result->stop)}};
    if (!result->message.empty()) entry["message"] = result->message;
    if (result->outcome != Outcome::passed && !result->output.empty()) entry["output"] = result->output;
    cases.push_back(std::move(entry));
  }
  json document = {
      {"ptest_version", kPtestVersion},
      {"testrun_uid", start_.testrun_uid},
      {"workers", start_.workers},
      {"dist", start_.dist_mode},
      {"summary",
       {{"selected", start_.selected},
        {"passed", summary_.passed},
        {"failed", summary_.failed},
        {"skipped", summary_.skipped},
        {"crashed", summary_.crashed},
        {"timeout", summary_.timeout},
        {"not_run", summary_.not_run},
        {"duration", rounded(summary_.duration)},
        {"interrupted", summary_.interrupted}}},
      {"runner", {{"cpu_seconds", rounded(runner_cpu_seconds_)}, {"peak_rss_kb", runner_peak_rss_kb_}}},
      {"cases", std::move(cases)},
  };
  if (shard_) {
    document["shard"] = {{"index", shard_->index},
                         {"total", shard_->total},
                         {"plan_digest", shard_->plan_digest},
                         {"plan_selected", shard_->plan_selected},
                         {"shard_selected", shard_->shard_selected}};
    // The shard's cases that did not finish (-x, an interrupt), for merge --verify to name.
    std::vector<bool> finished(manifest_.cases.size(), false);
    for (const CaseResult* result : ordered) finished[result->case_index] = true;
    json not_run = json::array();
    for (std::size_t index : shard_->cases)
      if (!finished[index]) not_run.push_back(manifest_.cases[index].id);
    if (!not_run.empty()) document["shard"]["not_run"] = std::move(not_run);
  }
  // Test output need not be UTF-8; replace what is not rather than fail.
  return document.dump(1, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace ptest
