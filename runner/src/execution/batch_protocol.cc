#include "execution/batch_protocol.h"

#include <cstdio>

#include "execution/catch2_batch.h"
#include "execution/doctest_batch.h"
#include "execution/gtest_batch.h"
#include "execution/plain_batch.h"

namespace ptest {

std::unique_ptr<BatchProtocol> make_batch_protocol(const Manifest& manifest, const GtestFilter& gtest_filter,
                                                   const Batch& batch, std::size_t output_limit) {
  switch (manifest.targets.at(batch.target).framework) {
    case Framework::plain:
      return std::make_unique<PlainBatch>(manifest, batch, output_limit);
    case Framework::catch2:
      return std::make_unique<Catch2Batch>(manifest, batch, output_limit);
    case Framework::doctest:
      return std::make_unique<DoctestBatch>(manifest, batch, output_limit);
    case Framework::gtest:
      break;
  }
  return std::make_unique<GtestBatch>(manifest, gtest_filter, batch, output_limit);
}

std::string timeout_message(double timeout) {
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%g", timeout);
  return std::string("timed out after ") + seconds + "s; its process group was killed";
}

CaseResult ended_case_result(const Manifest& manifest, std::size_t case_index, int worker, double start,
                             double stop, std::string output, bool timed_out, Outcome outcome,
                             std::string message) {
  CaseResult result;
  result.case_index = case_index;
  result.worker = worker;
  result.start = start;
  result.stop = stop;
  result.output = std::move(output);
  result.outcome = timed_out ? Outcome::timeout : outcome;
  result.message = timed_out ? timeout_message(manifest.cases[case_index].timeout) : std::move(message);
  return result;
}

}  // namespace ptest
