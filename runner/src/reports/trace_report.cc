#include "reports/trace_report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "formats/json_string.h"

namespace ptest {

namespace {

// Written by hand, an event a line: a tree of 40,000 JSON objects cost more
// than the rest of the run on 20,000 quick cases.
class TraceWriter {
 public:
  // Trace events count microseconds; whole ones keep a case's slice inside its process's.
  static long long micros(double seconds) { return std::llround(seconds * 1e6); }

  void metadata(const char* name, int tid, const char* key, const std::string& value) {
    begin();
    out_ += "{\"name\":\"" + std::string(name) + "\",\"ph\":\"M\",\"pid\":1";
    if (tid >= 0) out_ += ",\"tid\":" + std::to_string(tid);
    out_ += ",\"args\":{\"" + std::string(key) + "\":";
    append_json_string(out_, value);
    out_ += "}}";
  }

  void metadata(const char* name, int tid, const char* key, int value) {
    begin();
    out_ += "{\"name\":\"" + std::string(name) + "\",\"ph\":\"M\",\"pid\":1,\"tid\":" + std::to_string(tid) +
            ",\"args\":{\"" + key + "\":" + std::to_string(value) + "}}";
  }

  // A complete event; `args` is the JSON text of its arguments object.
  void slice(const std::string& name, const char* category, int tid, double start, double stop,
             const std::string& args) {
    begin();
    out_ += "{\"name\":";
    append_json_string(out_, name);
    out_ += ",\"cat\":\"" + std::string(category) + "\",\"ph\":\"X\",\"pid\":1,\"tid\":" + std::to_string(tid) +
            ",\"ts\":" + std::to_string(micros(start)) + ",\"dur\":" + std::to_string(micros(stop) - micros(start)) +
            ",\"args\":" + args + "}";
  }

  // An instant on one track; `args`, if not empty, the JSON text of its arguments object.
  void instant(const char* name, const char* category, int tid, double at, const std::string& args = "") {
    begin();
    out_ += "{\"name\":\"" + std::string(name) + "\",\"cat\":\"" + category +
            "\",\"ph\":\"i\",\"s\":\"t\",\"pid\":1,\"tid\":" + std::to_string(tid) +
            ",\"ts\":" + std::to_string(micros(at));
    if (!args.empty()) out_ += ",\"args\":" + args;
    out_ += "}";
  }

  std::string finish() { return out_ + "\n]}\n"; }

 private:
  void begin() { out_ += first_ ? "\n" : ",\n"; first_ = false; }

  std::string out_ = "{\"displayTimeUnit\":\"ms\",\"traceEvents\":[";
  bool first_ = true;
};

std::string case_args(const TestCase& test_case, const CaseResult& result) {
  std::string args = "{\"id\":";
  append_json_string(args, test_case.id);
  args += ",\"outcome\":\"" + std::string(outcome_name(result.outcome)) + "\"";
  char duration[32];
  std::snprintf(duration, sizeof duration, ",\"duration\":%.6f", result.stop - result.start);
  args += duration;
  if (!result.message.empty())  // the runner's words, but maybe quoting a test's output: not always UTF-8
    args += ",\"message\":" +
            nlohmann::json(result.message).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return args + "}";
}

void add_process(TraceWriter& trace, const Manifest& manifest, const Timeline& timeline, int worker,
                 const ProcessSlice& process) {
  const double stop = process.stop < 0 ? timeline.wall() : process.stop;
  const std::string victim = process.stolen_from ? "\"" + worker_name(*process.stolen_from) + "\"" : "";
  trace.slice(manifest.targets[process.target].name, "process", worker, process.start, stop,
              "{\"cases\":" + std::to_string(process.results.size()) +
                  ",\"died\":" + (process.died ? "true" : "false") +
                  (victim.empty() ? "" : ",\"stolen_from\":" + victim) + "}");
  if (!victim.empty()) trace.instant("steal", "steal", worker, process.start, "{\"from\":" + victim + "}");
  for (std::size_t index : process.results) {
    const CaseResult& result = timeline.results()[index];
    const TestCase& test_case = manifest.cases[result.case_index];
    // A case's times can pass its process's by a few milliseconds (its stop
    // is start + GoogleTest's own count when both lines came in one read):
    // drawn inside its process, or viewers would not nest it.
    const double case_start = std::clamp(result.start, process.start, stop);
    const double case_stop = std::clamp(result.stop, case_start, stop);
    trace.slice(test_case.name, "case", worker, case_start, case_stop, case_args(test_case, result));
  }
  if (process.died) trace.instant("worker restart", "restart", worker, stop);
}

// The run loop runs fixtures itself, not on a worker, and a cleanup may run
// while the worker whose case needed it last still runs its process: their
// own track, after the workers'.
void add_fixtures(TraceWriter& trace, const Timeline& timeline, int tid) {
  if (timeline.fixtures().empty()) return;
  trace.metadata("thread_name", tid, "name", "fixtures");
  trace.metadata("thread_sort_index", tid, "sort_index", tid);
  for (const FixtureSlice& fixture : timeline.fixtures()) {
    const char* phase = fixture.phase == FixturePhase::setup ? "setup" : "cleanup";
    std::string args = "{\"fixture\":";
    append_json_string(args, fixture.name);
    args += std::string(",\"phase\":\"") + phase + "\",\"failed\":" + (fixture.failed ? "true" : "false") + "}";
    const double stop = fixture.stop < 0 ? timeline.wall() : fixture.stop;
    trace.slice(fixture.name + " " + phase, "fixture", tid, fixture.start, std::max(stop, fixture.start), args);
  }
}

}  // namespace

std::string trace_json(const Manifest& manifest, const Timeline& timeline) {
  TraceWriter trace;
  trace.metadata("process_name", -1, "name", "ptest");
  const auto& workers = timeline.workers();
  for (std::size_t worker = 0; worker < workers.size(); ++worker) {
    const int tid = static_cast<int>(worker);
    trace.metadata("thread_name", tid, "name", worker_name(tid));
    trace.metadata("thread_sort_index", tid, "sort_index", tid);
    for (const ProcessSlice& process : workers[worker]) add_process(trace, manifest, timeline, tid, process);
  }
  add_fixtures(trace, timeline, static_cast<int>(workers.size()));
  return trace.finish();
}

}  // namespace ptest
