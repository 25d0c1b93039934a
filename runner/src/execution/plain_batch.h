// A batch of a plain executable's one case: the process is the case. It
// starts when the process does, its output is all the process wrote, and
// the exit status is the outcome: 0 passes, any other fails, a signal is a
// crash. Ending is what a plain case does, so it never counts as a test
// process dying mid-batch.
#pragma once

#include "execution/batch_protocol.h"
#include "execution/output_buffer.h"

namespace ptest {

class PlainBatch : public BatchProtocol {
 public:
  PlainBatch(const Manifest& manifest, Batch batch, std::size_t output_limit);

  std::vector<std::string> arguments() const override;
  void started(double now, ExecutorEvents& events) override;
  void output(std::string_view data, double now, ExecutorEvents& events) override;
  double deadline() const override { return deadline_; }
  void ended(int wait_status, bool timed_out, double now, ExecutorEvents& events) override;

 private:
  const Manifest& manifest_;
  Batch batch_;  // its first case is the one this process runs
  OutputBuffer output_;
  double start_ = 0;
  double deadline_ = 0;
};

}  // namespace ptest
