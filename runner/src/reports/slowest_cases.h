// --durations N: the N slowest cases at the end of the run, as pytest lists
// them; --durations-min S leaves out the cases quicker than S seconds.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "model/model.h"

namespace ptest {

struct DurationsOptions {
  std::size_t count = 0;   // 0: every case
  double min_seconds = 0.005;  // pytest's default
};

// The `count` slowest results (0: all), slowest first; ties keep their order.
std::vector<const CaseResult*> slowest_results(const std::vector<CaseResult>& results, std::size_t count);

// The section's text: the slowest first, a line each, and how many were
// left out for being quicker than the minimum. Empty when nothing ran.
std::string slowest_cases_text(const Manifest& manifest, const std::vector<CaseResult>& results,
                               const DurationsOptions& options);

}  // namespace ptest
