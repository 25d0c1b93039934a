// A batch of Catch2 cases: one process runs them all, named in one test
// spec (Catch2Framework), and its XML reporter (Catch2OutputParser) tells
// when each starts and how it ends.
#pragma once

#include "execution/streamed_batch.h"

namespace ptest {

class Catch2Batch : public StreamedBatch {
 public:
  Catch2Batch(const Manifest& manifest, Batch batch, std::size_t output_limit);
};

}  // namespace ptest
