// "did you mean ...?": the closest of some names to a misspelt one.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace ptest {

// The candidate with the smallest edit distance to `name`, if that distance
// is small enough to be a likely typo (at most a third of the name's length,
// and at least 1).
std::optional<std::string> closest_name(const std::string& name, const std::vector<std::string>& candidates);

}  // namespace ptest
