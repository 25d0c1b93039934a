#include "execution/batch_protocol.h"

#include <cstdio>

#include "execution/gtest_batch.h"
#include "execution/plain_batch.h"

namespace ptest {

std::unique_ptr<BatchProtocol> make_batch_protocol(const Manifest& manifest, const Batch& batch,
                                                   std::size_t output_limit) {
  switch (manifest.targets.at(batch.target).framework) {
    case Framework::plain:
      return std::make_unique<PlainBatch>(manifest, batch, output_limit);
    case Framework::gtest:
      break;
  }
  return std::make_unique<GtestBatch>(manifest, batch, output_limit);
}

std::string timeout_message(double timeout) {
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%g", timeout);
  return std::string("timed out after ") + seconds + "s; its process group was killed";
}

}  // namespace ptest
