#include "discover/gtest_framework.h"

namespace ptest {

std::vector<std::vector<std::string>> GtestFramework::listing_arguments(const std::string& file) const {
  return {{"--gtest_list_tests", "--gtest_output=json:" + file}};
}

std::vector<ListedCase> GtestFramework::parse_listing(const std::vector<ListingOutput>& outputs) const {
  if (outputs.empty() || !outputs.front().file) throw ListingError("file was not written");
  return parse_gtest_listing(*outputs.front().file);
}

std::vector<std::string> GtestFramework::filter_arguments(const std::vector<std::string>& names) const {
  std::string filter = "--gtest_filter=";
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) filter += ':';
    filter += names[i];
  }
  return {std::move(filter)};
}

// GoogleTest prints this line for a GTEST_SKIP(): CTest then reports "Skipped".
std::string GtestFramework::ctest_skip_expression() const { return "\\[  SKIPPED \\]"; }

}  // namespace ptest
