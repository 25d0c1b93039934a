#include "reports/json_report.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "model/version.h"
#include "plan/random_order.h"

namespace ptest {

namespace {

// Microsecond precision is plenty and keeps the file readable.
double rounded(double seconds) { return std::round(seconds * 1e6) / 1e6; }

// One run of a case, for "attempts": outcome, duration, worker, times, why, output.
nlohmann::json attempt_json(const CaseResult& attempt, Outcome outcome) {
  nlohmann::json entry = {{"outcome", outcome_name(outcome)},
                          {"duration", rounded(attempt.stop - attempt.start)},
                          {"worker", worker_name(attempt.worker)},
                          {"start", rounded(attempt.start)},
                          {"stop", rounded(attempt.stop)}};
  if (!attempt.message.empty()) entry["message"] = attempt.message;
  if (outcome != Outcome::passed && !attempt.output.empty()) entry["output"] = attempt.output;
  return entry;
}

// A case that ran more than once (--reruns): each attempt, the last one too.
nlohmann::json attempts_json(const CaseResult& result) {
  nlohmann::json attempts = nlohmann::json::array();
  for (const CaseResult& earlier : result.earlier_attempts) attempts.push_back(attempt_json(earlier, earlier.outcome));
  attempts.push_back(attempt_json(result, result.outcome == Outcome::flaky ? Outcome::passed : result.outcome));
  return attempts;
}

// "processes": each test process with its worker, binary and the case ids
// it began, in order, and under --random-order GoogleTest's shuffle seed.
nlohmann::json processes_json(const ProcessLog& log, const Manifest& manifest, std::optional<std::uint64_t> seed) {
  nlohmann::json processes = nlohmann::json::array();
  for (const ProcessRecord& process : log.processes()) {
    nlohmann::json ids = nlohmann::json::array(), not_started = nlohmann::json::array();
    for (std::size_t index : process.cases) ids.push_back(manifest.cases[index].id);
    for (std::size_t index : process.not_started) not_started.push_back(manifest.cases[index].id);
    nlohmann::json entry = {{"worker", worker_name(process.worker)},
                            {"target", manifest.targets[process.target].name},
                            {"start", rounded(process.start)},
                            {"cases", std::move(ids)}};
    if (!not_started.empty()) entry["not_started"] = std::move(not_started);
    if (seed && manifest.targets[process.target].framework == Framework::gtest)
      entry["gtest_random_seed"] = gtest_random_seed(*seed);
    processes.push_back(std::move(entry));
  }
  return processes;
}

}  // namespace

// The run loop reports the manifest's own cases, so the index is the case's place in it.
void JsonReport::case_started(const TestCase& test_case, int worker) {
  const TestCase* first = manifest_.cases.data();
  if (&test_case < first || &test_case >= first + manifest_.cases.size()) return;  // not the manifest's
  processes_.case_started(static_cast<std::size_t>(&test_case - first), worker);
}

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
    if (result->outcome != Outcome::passed && result->outcome != Outcome::flaky && !result->output.empty())
      entry["output"] = result->output;
    if (!result->earlier_attempts.empty()) entry["attempts"] = attempts_json(*result);
    for (const LeakedProcess& leak : result->leaks)
      entry["leaks"].push_back({{"pid", leak.pid}, {"command_line", leak.command_line}});
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
        {"flaky", summary_.flaky},
        {"leaked", summary_.leaked},
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
  document["processes"] = processes_json(processes_, manifest_, start_.random_order_seed);
  document["random_order_seed"] = start_.random_order_seed ? json(*start_.random_order_seed) : json(nullptr);
  // Test output need not be UTF-8; replace what is not rather than fail.
  return document.dump(1, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace ptest
