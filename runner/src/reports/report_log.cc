#include "reports/report_log.h"

#include <cerrno>
#include <cmath>
#include <cstring>
#include <nlohmann/json.hpp>

#include "model/version.h"
#include "util/atomic_file.h"

namespace ptest {

namespace {

using nlohmann::json;

double rounded(double seconds) { return std::round(seconds * 1e6) / 1e6; }

json event(const char* type) { return json{{"$report_type", type}}; }

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

void ReportLog::case_started(const TestCase& test_case, int worker) {
  json line = event("CaseStarted");
  line["id"] = test_case.id;
  line["worker"] = worker_name(worker);
  line["at"] = rounded(clock_());
  write_line(line.dump(-1, ' ', false, json::error_handler_t::replace));
}

void ReportLog::case_finished(const TestCase& test_case, const CaseResult& result) {
  json line = event("CaseFinished");
  line["id"] = test_case.id;
  line["outcome"] = outcome_name(result.outcome);
  line["worker"] = worker_name(result.worker);
  line["start"] = rounded(result.start);
  line["stop"] = rounded(result.stop);
  line["duration"] = rounded(result.stop - result.start);
  if (!test_case.file.empty()) {
    line["file"] = test_case.file;
    line["line"] = test_case.line;
  }
  if (!result.message.empty()) line["message"] = result.message;
  if (result.outcome != Outcome::passed && !result.output.empty()) line["output"] = result.output;
  // Test output need not be UTF-8; replace what is not rather than fail.
  write_line(line.dump(-1, ' ', false, json::error_handler_t::replace));
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
