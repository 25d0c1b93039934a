// --junitxml: JUnit XML as GitLab, Jenkins and most CI servers read it, one
// <testsuite> per test binary, with the time and host it ran on; each
// <testcase> with classname = the suite (pytest's class), file and line.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "reports/result_collector.h"

namespace ptest {

class JunitReport : public ResultCollector {
 public:
  explicit JunitReport(const Manifest& manifest) : manifest_(manifest) {}
  void run_started(const RunStart& start) override;
  void run_finished(const RunSummary& summary) override { duration_ = summary.duration; }

  // Where and when the run happened; run_started reads the host name and
  // the clock unless these were set first (tests set them).
  void set_context(std::string hostname, double started_epoch) {
    hostname_ = std::move(hostname);
    started_epoch_ = started_epoch;
  }

  std::string render() const;

 private:
  const Manifest& manifest_;
  double duration_ = 0;
  std::string hostname_;
  double started_epoch_ = -1;  // seconds since 1970; < 0: not known yet
};

// Text made safe for an XML attribute or element: markup escaped, and the
// control characters XML 1.0 forbids replaced.
std::string xml_escape(const std::string& text);

}  // namespace ptest
