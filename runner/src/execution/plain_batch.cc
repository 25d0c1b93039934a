#include "execution/plain_batch.h"

#include <sys/wait.h>

#include <stdexcept>

#include "process/process.h"

namespace ptest {

PlainBatch::PlainBatch(const Manifest& manifest, Batch batch, std::size_t output_limit)
    : manifest_(manifest), batch_(std::move(batch)), output_(output_limit) {
  if (batch_.cases.empty()) throw std::logic_error("a batch without cases");
}

std::vector<std::string> PlainBatch::arguments() const { return manifest_.targets.at(batch_.target).arguments; }

void PlainBatch::started(double now, ExecutorEvents& events) {
  start_ = now;
  const double timeout = manifest_.cases[batch_.cases.front()].timeout;
  deadline_ = timeout > 0 ? start_ + timeout : 0;
  events.push_back(CaseStarted{batch_.worker, batch_.cases.front()});
}

void PlainBatch::output(std::string_view data, double, ExecutorEvents&) { output_.append(data); }

void PlainBatch::ended(int wait_status, bool timed_out, double now, ExecutorEvents& events) {
  // The exit status is the outcome: "exited with status 3", "killed by SIGSEGV (...)".
  const bool passed = WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == 0;
  // SKIP_RETURN_CODE, as CTest reads it.
  const int skip_code = manifest_.targets.at(batch_.target).skip_return_code;
  const bool skipped = skip_code > 0 && WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == skip_code;
  const Outcome outcome = passed    ? Outcome::passed
                          : skipped ? Outcome::skipped
                          : WIFSIGNALED(wait_status) ? Outcome::crashed
                                                     : Outcome::failed;
  std::string message = passed ? std::string() : describe_wait_status(wait_status);
  if (skipped) message += " (its SKIP_RETURN_CODE)";
  events.push_back(CaseFinished{ended_case_result(manifest_, batch_.cases.front(), batch_.worker, start_, now,
                                                  output_.str(), timed_out, outcome, std::move(message))});
  deadline_ = 0;
  // One process runs one case: should a batch hold more, the rest go back
  // to the queue and run in processes of their own.
  std::vector<std::size_t> not_started(batch_.cases.begin() + 1, batch_.cases.end());
  events.push_back(BatchFinished{batch_.worker, std::move(not_started), false});
}

}  // namespace ptest
