#include "reports/trace_report.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

namespace ptest {

namespace {

using nlohmann::json;

constexpr int kPid = 1;  // the whole run is one "process" of the trace; workers are its threads

// Trace events count microseconds; whole ones keep a case's slice inside its process's.
long long micros(double seconds) { return std::llround(seconds * 1e6); }

json metadata(const char* name, int tid, const std::string& value) {
  json event = {{"name", name}, {"ph", "M"}, {"pid", kPid}, {"args", {{"name", value}}}};
  if (tid >= 0) event["tid"] = tid;
  return event;
}

json slice(const std::string& name, const char* category, int tid, double start, double stop) {
  return {{"name", name}, {"cat", category}, {"ph", "X"},       {"pid", kPid},
          {"tid", tid},   {"ts", micros(start)}, {"dur", micros(stop) - micros(start)}};
}

void add_process(json& events, const Manifest& manifest, const Timeline& timeline, int worker,
                 const ProcessSlice& process) {
  const double stop = process.stop < 0 ? timeline.wall() : process.stop;
  json event = slice(manifest.targets[process.target].name, "process", worker, process.start, stop);
  event["args"] = {{"cases", process.results.size()}, {"died", process.died}};
  events.push_back(std::move(event));
  for (std::size_t index : process.results) {
    const CaseResult& result = timeline.results()[index];
    const TestCase& test_case = manifest.cases[result.case_index];
    // A case's times can pass its process's by a few milliseconds (its stop
    // is start + GoogleTest's own count when both lines came in one read):
    // drawn inside its process, or viewers would not nest it.
    const double case_start = std::clamp(result.start, process.start, stop);
    const double case_stop = std::clamp(result.stop, case_start, stop);
    json case_event = slice(test_case.name, "case", worker, case_start, case_stop);
    case_event["args"]["duration"] = result.stop - result.start;
    case_event["args"]["id"] = test_case.id;
    case_event["args"]["outcome"] = outcome_name(result.outcome);
    if (!result.message.empty()) case_event["args"]["message"] = result.message;
    events.push_back(std::move(case_event));
  }
  if (process.died)
    events.push_back({{"name", "worker restart"}, {"cat", "restart"}, {"ph", "i"}, {"s", "t"},
                      {"pid", kPid}, {"tid", worker}, {"ts", micros(stop)}});
}

}  // namespace

std::string trace_json(const Manifest& manifest, const Timeline& timeline) {
  json events = json::array();
  events.push_back(metadata("process_name", -1, "ptest"));
  const auto& workers = timeline.workers();
  for (std::size_t worker = 0; worker < workers.size(); ++worker) {
    const int tid = static_cast<int>(worker);
    events.push_back(metadata("thread_name", tid, worker_name(tid)));
    events.push_back({{"name", "thread_sort_index"}, {"ph", "M"}, {"pid", kPid}, {"tid", tid},
                      {"args", {{"sort_index", tid}}}});
    for (const ProcessSlice& process : workers[worker]) add_process(events, manifest, timeline, tid, process);
  }
  const json document = {{"traceEvents", std::move(events)}, {"displayTimeUnit", "ms"}};
  return document.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace ptest
