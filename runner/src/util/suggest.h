// "did you mean ...?": the closest of some names to a misspelt one.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace ptest {

// The candidate with the smallest edit distance to `name` (the first of
// equally close ones), if that distance is small enough to be a likely typo:
// at most max(1, name.size() / 3). An insertion, a deletion, a substitution
// or a swap of two neighbours is one edit. The CMake module's
// _ptest_closest_name() keeps the same rule; both are tested on
// tests/unit/util/suggest_cases.txt.
std::optional<std::string> closest_name(const std::string& name, const std::vector<std::string>& candidates);

}  // namespace ptest
