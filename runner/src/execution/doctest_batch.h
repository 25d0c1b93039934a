// A batch of doctest cases: one process runs them all, chosen with
// --test-case (DoctestFramework), and its XML reporter (DoctestOutputParser)
// tells when each starts and how it ends.
#pragma once

#include "execution/streamed_batch.h"

namespace ptest {

class DoctestBatch : public StreamedBatch {
 public:
  DoctestBatch(const Manifest& manifest, Batch batch, std::size_t output_limit);
};

}  // namespace ptest
