// --report-log: JSON Lines written as the run goes, one object a line,
// flushed after each (pytest-reportlog's idea), so a runner or CI job that is
// killed loses only the cases that were running. The format is documented in
// docs/formats.md#report-log as stable for other tools to tail.
#pragma once

#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "run/reporter.h"

namespace ptest {

class ReportLog : public Reporter {
 public:
  // Opens (truncates) `path`. `selected`: the run's cases, listed in the
  // first line. `clock`: seconds since the run began, for the events whose
  // time the run loop does not give (a case's start). Throws FileError.
  ReportLog(const std::string& path, const Manifest& manifest, std::vector<std::size_t> selected,
            std::function<double()> clock);
  ~ReportLog() override;
  ReportLog(const ReportLog&) = delete;
  ReportLog& operator=(const ReportLog&) = delete;

  void run_started(const RunStart& start) override;
  void batch_started(const Batch& batch, double at) override;
  void case_started(const TestCase& test_case, int worker) override;
  void case_finished(const TestCase& test_case, const CaseResult& result) override;
  void batch_finished(const BatchFinished& finished, double at) override;
  void run_finished(const RunSummary& summary) override;

 private:
  void write_line(const std::string& line);

  const Manifest& manifest_;
  std::vector<std::size_t> selected_;
  std::function<double()> clock_;
  std::FILE* file_ = nullptr;
};

}  // namespace ptest
