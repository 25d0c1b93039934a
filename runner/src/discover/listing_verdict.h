// What listing a binary's cases (`--gtest_list_tests --gtest_output=json:FILE`)
// says of the binary: a GoogleTest binary with these cases; not a GoogleTest
// binary at all (its own main() ignored the flags), to be run as one plain
// case; or a binary whose listing failed, which stops the build.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "discover/gtest_listing.h"
#include "discover/test_framework.h"

namespace ptest {

// How the listing process ended and what it left behind.
struct ListingAttempt {
  bool ran = true;  // false: the file holds no trace of GoogleTest, so it was not run
  bool timed_out = false;
  bool killed_by_signal = false;
  bool exited_zero = false;
  std::string ended;                   // "exited with status 3", "killed by SIGSEGV (...)"
  std::optional<std::string> listing;  // the JSON file's content, if the binary wrote one
  std::string output;                  // what it printed, stdout and stderr
};

struct ListingVerdict {
  enum class Kind {
    gtest,   // `cases` are its cases
    plain,   // not a GoogleTest binary; `what` says what was seen
    failed,  // a listing that should have worked did not; `what` says why
  };
  Kind kind = Kind::failed;
  std::vector<ListedCase> cases;
  std::string what;
};

// A binary that was not run (it holds no GoogleTest) or that exits normally
// without writing GoogleTest's listing is not a GoogleTest binary. One that crashes or hangs while listing is a broken
// one, as is one that writes a listing and then fails: those stay errors.
ListingVerdict judge_listing(const ListingAttempt& attempt);

// A binary of a declared (or, for Catch2 and doctest, detected) framework:
// `attempts` are its listing processes, in the order of the framework's
// listing_arguments(). Anything but a clean listing of that framework,
// whose every case its filter can choose alone, fails; the verdict is
// never `plain`. A `gtest` verdict then means "these are its cases".
ListingVerdict judge_framework_listing(const TestFramework& framework, Framework which,
                                       const std::vector<ListingAttempt>& attempts);

}  // namespace ptest
