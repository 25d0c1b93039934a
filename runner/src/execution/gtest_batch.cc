#include "execution/gtest_batch.h"

#include "execution/gtest_output_parser.h"

namespace ptest {

GtestBatch::GtestBatch(const Manifest& manifest, const GtestFilter& filter, Batch batch, std::size_t output_limit)
    : StreamedBatch(manifest, batch, std::make_unique<GtestOutputParser>(output_limit),
                    [&filter](const std::vector<std::size_t>& cases) {
                      return std::vector<std::string>{"--gtest_filter=" + filter.for_cases(cases)};
                    }) {}

}  // namespace ptest
