// --junitxml: JUnit XML as GitLab, Jenkins and most CI servers read it, one
// <testsuite> per test binary.
#pragma once

#include <string>
#include <vector>

#include "reports/result_collector.h"

namespace ptest {

class JunitReport : public ResultCollector {
 public:
  explicit JunitReport(const Manifest& manifest) : manifest_(manifest) {}
  void run_finished(const RunSummary& summary) override { duration_ = summary.duration; }

  std::string render() const;

 private:
  const Manifest& manifest_;
  double duration_ = 0;
};

// Text made safe for an XML attribute or element: markup escaped, and the
// control characters XML 1.0 forbids replaced.
std::string xml_escape(const std::string& text);

}  // namespace ptest
