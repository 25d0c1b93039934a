// --html: one self-contained page (no network, no other file): the summary,
// the per-worker timeline drawn as SVG, the workers' load, the failures
// with their output, and the slowest cases. It reads the run's Timeline and
// keeps the failures' output itself, which the timeline does not.
#pragma once

#include <string>
#include <vector>

#include "reports/timeline.h"

namespace ptest {

class HtmlReport : public Reporter {
 public:
  HtmlReport(const Manifest& manifest, const Timeline& timeline) : manifest_(manifest), timeline_(timeline) {}

  void run_started(const RunStart& start) override { start_ = start; }
  void case_finished(const TestCase& test_case, const CaseResult& result) override;
  void run_finished(const RunSummary& summary) override { summary_ = summary; }

  std::string render() const;

 private:
  std::string timeline_svg() const;
  std::string workers_table() const;
  std::string failures_section() const;
  std::string slowest_section() const;

  const Manifest& manifest_;
  const Timeline& timeline_;
  RunStart start_;
  RunSummary summary_;
  std::vector<CaseResult> failures_;
};

}  // namespace ptest
