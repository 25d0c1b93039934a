// doctest (2.4) as a TestFramework: listed with `--list-test-cases
// --reporters=xml --no-skip=true`, one <TestCase> element a line with its
// name, TEST_SUITE, file and line; a case decorated with doctest::skip() is
// disabled. A batch chooses its cases with one --test-case filter, names
// comma-separated with ',' and '\' escaped by '\', compared with case.
#pragma once

#include "discover/test_framework.h"

namespace ptest {

class DoctestFramework : public TestFramework {
 public:
  std::vector<std::vector<std::string>> listing_arguments(const std::string& file) const override;
  std::vector<ListedCase> parse_listing(const std::vector<ListingOutput>& outputs) const override;
  std::vector<std::string> filter_arguments(const std::vector<std::string>& names) const override;
  std::string filter_problem(const std::vector<ListedCase>& listed) const override;
};

}  // namespace ptest
