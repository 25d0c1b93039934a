#include "execution/doctest_batch.h"

#include "discover/test_framework.h"
#include "execution/doctest_output_parser.h"

namespace ptest {

namespace {

std::vector<std::string> batch_filter(const std::vector<std::string>& names) {
  std::vector<std::string> arguments = filter_arguments(Framework::doctest, names);
  for (const char* reporter : {"--reporters=xml"}) arguments.push_back(reporter);
  return arguments;
}

}  // namespace

DoctestBatch::DoctestBatch(const Manifest& manifest, Batch batch, std::size_t output_limit)
    : StreamedBatch(manifest, batch, std::make_unique<DoctestOutputParser>(output_limit),
                    [&manifest](const std::vector<std::size_t>& cases) {
                      return batch_filter(case_names(manifest, cases));
                    }) {}

}  // namespace ptest
