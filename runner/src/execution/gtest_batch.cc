#include "execution/gtest_batch.h"

#include "discover/test_framework.h"
#include "execution/gtest_output_parser.h"

namespace ptest {

GtestBatch::GtestBatch(const Manifest& manifest, Batch batch, std::size_t output_limit)
    : StreamedBatch(manifest, batch, std::make_unique<GtestOutputParser>(output_limit),
                    [](const std::vector<std::string>& names) { return filter_arguments(Framework::gtest, names); }) {}

}  // namespace ptest
