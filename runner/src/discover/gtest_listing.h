// Reads what `<binary> --gtest_list_tests --gtest_output=json:FILE` writes:
// every case with its suite, source file and line.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace ptest {

struct ListedCase {
  std::string suite;
  std::string name;  // "<Suite>.<Test>"
  std::string file;
  int line = 0;
  bool disabled = false;  // suite or test named DISABLED_*
  // Markers the framework itself gives the case (Catch2's tags), checked
  // against the registry like MARKERS.
  std::vector<std::string> markers;
};

class ListingError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Throws ListingError saying what is wrong with the listing.
std::vector<ListedCase> parse_gtest_listing(const std::string& json_text);

}  // namespace ptest
