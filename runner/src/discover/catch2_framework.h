// Catch2 (version 2, as Debian ships it) as a TestFramework.
//
// Listing takes two runs, because Catch2 2 prints no machine-readable
// listing: `--list-test-names-only` gives the exact names, one a line, and
// `--list-tests -v high` the file, line and tags of each, in the same order,
// wrapped at 80 columns. Both use the test spec "*,[.]", so hidden cases
// are listed too. Tags become markers ("[smoke]" -> smoke, "[.slow]" ->
// slow); "[.]", "[!hide]" and "[.tag]" hide a case, which is then disabled
// (as GoogleTest's DISABLED_); the other "[!...]" and "[#...]" tags are
// Catch2's own and not markers. The suite, the scope of --dist loadscope,
// is the source file's name.
//
// A batch names its cases in one test spec, comma-separated, with '\'
// before the characters Catch2's spec parser treats as special.
#pragma once

#include "discover/test_framework.h"

namespace ptest {

class Catch2Framework : public TestFramework {
 public:
  std::vector<std::vector<std::string>> listing_arguments(const std::string& file) const override;
  bool listing_may_exit_nonzero() const override { return true; }
  std::vector<ListedCase> parse_listing(const std::vector<ListingOutput>& outputs) const override;
  std::vector<std::string> filter_arguments(const std::vector<std::string>& names) const override;
  std::string filter_problem(const std::vector<ListedCase>& listed) const override;
};

// One name as a term of a Catch2 test spec: "a, b [c]" -> "a\, b \[c\]".
std::string catch2_spec_term(const std::string& name);

}  // namespace ptest
