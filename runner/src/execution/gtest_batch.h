// A batch of GoogleTest cases: one process runs them all, chosen with
// --gtest_filter (GtestFilter: a whole suite as `Suite.*`), and its output
// (GtestOutputParser) tells when each starts and how it ends. Its
// processes follow GoogleTest's premature-exit protocol (premature_exit.h).
#pragma once

#include "execution/gtest_filter.h"
#include "execution/streamed_batch.h"

namespace ptest {

class GtestBatch : public StreamedBatch {
 public:
  // `filter` lives as long as the run.
  GtestBatch(const Manifest& manifest, const GtestFilter& filter, Batch batch, std::size_t output_limit);

  bool reports_premature_exit() const override { return true; }
};

}  // namespace ptest
