// Units of work: the cases that must stay together on one worker, and so on
// one shard. A GROUP's cases always (in every --dist mode); a whole suite
// under loadscope; a whole source file (of one target) under loadfile;
// otherwise a single case.
#pragma once

#include <cstddef>
#include <vector>

#include "model/dist_mode.h"
#include "model/model.h"

namespace ptest {

// `selected`: indices into `cases`. Each unit lists its cases in selection
// order, and units come in the order of their first case.
std::vector<std::vector<std::size_t>> make_work_units(const std::vector<TestCase>& cases,
                                                      const std::vector<std::size_t>& selected, DistMode mode);

// Whether the case is marked serial (runs while nothing else runs).
bool is_serial(const TestCase& test_case);

}  // namespace ptest
