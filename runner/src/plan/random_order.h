// --random-order, as pytest-randomly shuffles: the suites (a target's
// fixture), then the cases within each suite, so a suite's cases stay
// together. The same seed gives the same order on every machine: the
// shuffle is written out here, not left to std::shuffle, whose algorithm
// the standard leaves to the library.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "model/model.h"

namespace ptest {

// `selected`: manifest indices; returns them in the seed's order.
std::vector<std::size_t> shuffle_cases(const std::vector<std::size_t>& selected, const std::vector<TestCase>& cases,
                                       std::uint64_t seed);

// The seed GoogleTest takes (--gtest_random_seed), 1 to 99999, from ptest's.
int gtest_random_seed(std::uint64_t seed);

}  // namespace ptest
