// A batch of GoogleTest cases: one process runs them all, chosen with
// --gtest_filter, and its output tells when each starts and how it ends.
// A process that dies mid-batch fails the case it was running and leaves
// the cases it never began to run again elsewhere; one that ran none of its
// cases fails them all, since starting it again would do the same.
#pragma once

#include <optional>
#include <string_view>
#include <unordered_map>

#include "execution/batch_protocol.h"
#include "execution/gtest_filter.h"
#include "execution/gtest_output_parser.h"

namespace ptest {

class GtestBatch : public BatchProtocol, private GtestOutputParser::Listener {
 public:
  GtestBatch(const Manifest& manifest, const GtestFilter& filter, Batch batch, std::size_t output_limit);

  std::vector<std::string> arguments() const override;
  void started(double now, ExecutorEvents& events) override;
  void output(std::string_view data, double now, ExecutorEvents& events) override;
  double deadline() const override { return deadline_; }
  void ended(int wait_status, bool timed_out, double now, ExecutorEvents& events) override;

 private:
  void case_started(const std::string& name) override;
  void case_finished(const std::string& name, Outcome outcome, double reported_seconds,
                     std::string output) override;

  const Manifest& manifest_;
  const GtestFilter& filter_;
  Batch batch_;
  GtestOutputParser parser_;
  std::unordered_map<std::string_view, std::size_t> by_name_;  // case name (the manifest's) -> position in batch
  std::vector<bool> started_;                              // by position in batch
  bool any_started_ = false;
  std::optional<std::size_t> current_;  // the running case, an index into Manifest::cases
  double current_start_ = 0;
  double last_stop_ = 0;
  double deadline_ = 0;
  // For the parser's callbacks, during output().
  double now_ = 0;
  ExecutorEvents* events_ = nullptr;
};

}  // namespace ptest
