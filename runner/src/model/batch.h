// A batch: cases of one target that one worker runs in one process. The
// scheduler makes them, the run loop hands them to an executor.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ptest {

struct Batch {
  int worker = 0;
  std::size_t target = 0;          // index into Manifest::targets
  std::vector<std::size_t> cases;  // indices into Manifest::cases, in run order
  std::vector<std::pair<std::string, std::string>> environment;  // added by fixtures
  // worksteal: the worker whose queue this batch's cases were just stolen
  // from (the first batch after a steal); empty: its own work.
  std::optional<int> stolen_from = std::nullopt;
};

}  // namespace ptest
