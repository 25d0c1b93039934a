// GoogleTest as a TestFramework: listed with --gtest_list_tests into a JSON
// file (gtest_listing), chosen with one --gtest_filter of ':'-separated names.
#pragma once

#include "discover/test_framework.h"

namespace ptest {

class GtestFramework : public TestFramework {
 public:
  std::vector<std::vector<std::string>> listing_arguments(const std::string& file) const override;
  std::vector<ListedCase> parse_listing(const std::vector<ListingOutput>& outputs) const override;
  std::vector<std::string> filter_arguments(const std::vector<std::string>& names) const override;
  std::string ctest_skip_expression() const override;
};

}  // namespace ptest
