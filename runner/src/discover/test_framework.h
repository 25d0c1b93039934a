// What ptest must know of a test framework, behind one interface: how to
// list a binary's cases at build time, and how to choose cases on its
// command line (for a batch, and for a CTest test). The third part, reading
// a running batch's output, is a CaseStreamParser in execution/. Adding a
// framework is one TestFramework here, one parser there, and a Framework
// value in model.h.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "discover/gtest_listing.h"
#include "model/model.h"

namespace ptest {

// What one listing process left: all it printed, and the file it was asked
// to write, if it wrote one.
struct ListingOutput {
  std::string output;
  std::optional<std::string> file;
};

class TestFramework {
 public:
  virtual ~TestFramework() = default;

  // The listing processes, one argument list each, placed after the
  // executable and before the target's EXTRA_ARGS. `file`: a path a
  // listing may write to.
  virtual std::vector<std::vector<std::string>> listing_arguments(const std::string& file) const = 0;
  // Whether an exit status other than 0 still lets a listing count (Catch2
  // 2 exits with the number of cases it listed).
  virtual bool listing_may_exit_nonzero() const { return false; }
  // The cases, from the outputs of the listing processes in order. Throws
  // ListingError when they are not this framework's listing, its message
  // to follow "its listing " ("has no <doctest> element").
  virtual std::vector<ListedCase> parse_listing(const std::vector<ListingOutput>& outputs) const = 0;

  // The arguments that run exactly the cases `names` (TestCase::name).
  virtual std::vector<std::string> filter_arguments(const std::vector<std::string>& names) const = 0;
  // Why the filter cannot choose one of the `listed` cases alone ("case
  // 'x': why"), or empty if it can choose each: found at build time, so
  // that no batch runs cases it did not ask for.
  virtual std::string filter_problem(const std::vector<ListedCase>& listed) const {
    (void)listed;
    return {};
  }
  // The SKIP_REGULAR_EXPRESSION of a case's CTest test, or empty.
  virtual std::string ctest_skip_expression() const { return {}; }
};

// The framework of every Framework value but plain, which has no cases to
// list or choose: nullptr.
const TestFramework* test_framework(Framework framework);

// test_framework(framework)->filter_arguments(names); nothing for plain.
std::vector<std::string> filter_arguments(Framework framework, const std::vector<std::string>& names);

}  // namespace ptest
