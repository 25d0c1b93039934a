#include "reports/report_log.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>

#include "formats/json_string.h"
#include "model/version.h"
#include "util/atomic_file.h"

namespace ptest {

namespace {

using nlohmann::json;

double rounded(double seconds) { return std::round(seconds * 1e6) / 1e6; }

json event(const char* type) { return json{{"$report_type", type}}; }

// Seconds to the microsecond, as the JSON report has them.
void append_seconds(std::string& out, double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6f", rounded(seconds));
  out += text;
}

std::string any_text(const std::string& text) { return json(text).dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

ReportLog::ReportLog(const std::string& path, const Manifest& manifest, std::vector<std::size_t> selected,
                     std::function<double()> clock)
    : manifest_(manifest), selected_(std::move(selected)), clock_(std::move(clock)) {
  file_ = std::fopen(path.c_str(), "w");
  if (!file_) throw FileError("cannot write '" + path + "': " + std::strerror(errno), std::strerror(errno));
}

ReportLog::~ReportLog() {
  if (file_) std::fclose(file_);
}

// A line is whole once flushed: a reader tailing the file never sees half
// an event, short of the disk filling up.
void ReportLog::write_line(const std::string& line) {
  std::fputs(line.c_str(), file_);
  std::fputc('\n', file_);
  std::fflush(file_);
}

void ReportLog::run_started(const RunStart& start) {
  json line = event("RunStarted");
  line["ptest_version"] = kPtestVersion;
  line["testrun_uid"] = start.testrun_uid;
  line["workers"] = start.workers;
  line["dist"] = start.dist_mode;
  json ids = json::array();
  for (std::size_t index : selected_) ids.push_back(manifest_.cases[index].id);
  line["selected"] = std::move(ids);
  write_line(line.dump(-1, ' ', false, json::error_handler_t::replace));
}

void ReportLog::batch_started(const Batch& batch, double at) {
  json line = event("ProcessStarted");
  line["worker"] = worker_name(batch.worker);
  line["target"] = manifest_.targets[batch.target].name;
  line["cases"] = batch.cases.size();
  line["at"] = rounded(at);
  write_line(line.dump());
}

// The two lines of every case are written by hand: through JSON trees they
// cost more than the rest of the run loop's work on 20,000 quick cases.
void ReportLog::case_started(const TestCase& test_case, int worker) {
  std::string line = "{\"$report_type\":\"CaseStarted\",\"at\":";
  append_seconds(line, clock_());
  line += ",\"id\":";
  append_json_string(line, test_case.id);
  line += ",\"worker\":\"" + worker_name(worker) + "\"}";
  write_line(line);
}

void ReportLog::case_finished(const TestCase& test_case, const CaseResult& result) {
  std::string line = "{\"$report_type\":\"CaseFinished\",\"duration\":";
  append_seconds(line, result.stop - result.start);
  if (!test_case.file.empty()) {
    line += ",\"file\":";
    append_json_string(line, test_case.file);
  }
  line += ",\"id\":";
  append_json_string(line, test_case.id);
  if (!test_case.file.empty()) line += ",\"line\":" + std::to_string(test_case.line);
  // What a case printed need not be UTF-8: nlohmann replaces what is not.
  if (!result.message.empty()) line += ",\"message\":" + any_text(result.message);
  line += ",\"outcome\":\"" + std::string(outcome_name(result.outcome)) + "\"";
  if (result.outcome != Outcome::passed && !result.output.empty()) line += ",\"output\":" + any_text(result.output);
  line += ",\"start\":";
  append_seconds(line, result.start);
  line += ",\"stop\":";
  append_seconds(line, result.stop);
  line += ",\"worker\":\"" + worker_name(result.worker) + "\"}";
  write_line(line);
}

void ReportLog::batch_finished(const BatchFinished& finished, double at) {
  json line = event("ProcessFinished");
  line["worker"] = worker_name(finished.worker);
  line["at"] = rounded(at);
  line["died"] = finished.process_died;
  line["not_started"] = finished.not_started.size();
  write_line(line.dump());
}

void ReportLog::run_finished(const RunSummary& summary) {
  json line = event("RunFinished");
  line["summary"] = {{"passed", summary.passed},     {"failed", summary.failed},
                     {"skipped", summary.skipped},   {"crashed", summary.crashed},
                     {"timeout", summary.timeout},   {"not_run", summary.not_run},
                     {"duration", rounded(summary.duration)}, {"interrupted", summary.interrupted}};
  if (!summary.stop_reason.empty()) line["stop_reason"] = summary.stop_reason;
  write_line(line.dump(-1, ' ', false, json::error_handler_t::replace));
}

}  // namespace ptest
