// A batch of GoogleTest cases: one process runs them all, chosen with
// --gtest_filter, and its output (GtestOutputParser) tells when each starts
// and how it ends.
#pragma once

#include "execution/streamed_batch.h"

namespace ptest {

class GtestBatch : public StreamedBatch {
 public:
  GtestBatch(const Manifest& manifest, Batch batch, std::size_t output_limit);
};

}  // namespace ptest
