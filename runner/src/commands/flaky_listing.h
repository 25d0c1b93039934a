// `ptest --flaky`: the selected cases whose outcome flipped over their last
// runs (the history's "recent"), most flips first, with their counts.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "model/model.h"

namespace ptest {

// How often a case flipped in `recent` (formats/history.h): each flaky run
// (it flipped within the run), and each run whose outcome differs from the
// run before, a flaky run counting as passed.
std::size_t flips(const std::string& recent);

// Prints the list; returns the exit status (0).
int print_flaky_cases(const std::string& manifest_path, const Manifest& manifest,
                      const std::vector<std::size_t>& selected);

}  // namespace ptest
