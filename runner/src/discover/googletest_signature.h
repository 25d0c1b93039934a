// Whether an executable could be a GoogleTest binary at all, read from its
// bytes: a binary with GoogleTest linked in names its flags ("gtest_filter",
// ...), one linked to GoogleTest's shared library names the library
// ("libgtest.so", "libgmock.so"). A file that mentions neither cannot
// answer --gtest_list_tests, so discovery need not run it (and start, at
// build time, whatever a plain test does) to know it is a plain test.
#pragma once

#include <string>

namespace ptest {

// False only when the file was read and holds neither "gtest" nor "gmock";
// a file that cannot be read gets the benefit of the doubt (true), so that
// running it reports the real problem.
bool may_be_googletest(const std::string& executable);

}  // namespace ptest
