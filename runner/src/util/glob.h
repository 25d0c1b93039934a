// GoogleTest-style wildcard matching: '*' matches any run of characters
// (including none), '?' exactly one; everything else matches itself.
#pragma once

#include <string_view>

namespace ptest {

bool glob_match(std::string_view pattern, std::string_view text);

}  // namespace ptest
