// --report-json: every case with its outcome, duration, worker and times,
// and the run's summary. Format documented in docs/formats.md#json-report.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "reports/process_log.h"
#include "reports/result_collector.h"

namespace ptest {

// Which shard of which plan a --shard run was, so `ptest merge --verify`
// can prove the shards ran the plan's selection exactly once.
struct ShardRecord {
  int index = 1;  // K of N, from 1
  int total = 1;
  std::string plan_digest;
  std::size_t plan_selected = 0;   // in all shards
  std::size_t shard_selected = 0;  // in this one
  std::vector<std::size_t> cases;  // this shard's, indices into the manifest: those that did not finish are listed
};

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

  void set_shard(const ShardRecord& shard) { shard_ = shard; }

  std::string render() const;

 private:
  std::optional<ShardRecord> shard_;
  double runner_cpu_seconds_ = 0;
  long runner_peak_rss_kb_ = 0;
  const Manifest& manifest_;
  RunStart start_;
  RunSummary summary_;
  ProcessLog processes_;
};

}  // namespace ptest
