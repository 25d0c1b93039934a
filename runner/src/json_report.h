// --report-json: every case with its outcome, duration, worker and times,
// and the run's summary. Format documented in docs/reports.md.
#pragma once

#include <string>
#include <vector>

#include "reporter.h"

namespace ptest {

class JsonReport : public Reporter {
 public:
  explicit JsonReport(const Manifest& manifest) : manifest_(manifest) {}
  void run_started(const RunStart& start) override { start_ = start; }
  void case_finished(const TestCase&, const CaseResult& result) override { results_.push_back(result); }
  void run_finished(const RunSummary& summary) override { summary_ = summary; }

  std::string render() const;

 private:
  const Manifest& manifest_;
  RunStart start_;
  RunSummary summary_;
  std::vector<CaseResult> results_;
};

}  // namespace ptest
