// --report-json: every case with its outcome, duration, worker and times,
// and the run's summary. Format documented in docs/formats.md#json-report.
#pragma once

#include <string>
#include <vector>

#include "reports/process_log.h"
#include "reports/result_collector.h"

namespace ptest {

class JsonReport : public ResultCollector {
 public:
  explicit JsonReport(const Manifest& manifest) : manifest_(manifest) {}
  void run_started(const RunStart& start) override { start_ = start; }
  void run_finished(const RunSummary& summary) override { summary_ = summary; }
  // Each worker's processes, for "processes" (and `ptest replay`).
  void batch_started(const Batch& batch, double at) override { processes_.batch_started(batch, at); }
  void case_started(const TestCase& test_case, int worker) override;
  void batch_finished(const BatchFinished& finished, double) override { processes_.batch_finished(finished); }

  // The runner's own CPU time and peak memory, for the benchmark.
  void set_runner_usage(double cpu_seconds, long peak_rss_kb) {
    runner_cpu_seconds_ = cpu_seconds;
    runner_peak_rss_kb_ = peak_rss_kb;
  }

  std::string render() const;

 private:
  double runner_cpu_seconds_ = 0;
  long runner_peak_rss_kb_ = 0;
  const Manifest& manifest_;
  RunStart start_;
  RunSummary summary_;
  ProcessLog processes_;
};

}  // namespace ptest
