// A flag's whole number, read strictly: digits only (a leading '-' for a
// negative), the whole text, within bounds.
#pragma once

#include <optional>
#include <string>

namespace ptest {

// Nothing when `text` is not a whole number from `min` to `max`.
std::optional<long long> parse_whole_number(const std::string& text, long long min, long long max);

}  // namespace ptest
