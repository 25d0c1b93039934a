// How the cases of a run are shared among workers: pytest-xdist's --dist.
#pragma once

#include <optional>
#include <string_view>

namespace ptest {

enum class DistMode {
  worksteal,  // each worker owns a queue; an idle worker steals half of the busiest's
  load,       // one queue; a worker takes the next cases when it is free
  loadscope,  // like load, but a whole suite (fixture) runs in one process on one worker
  loadfile,   // like load, but all cases of a source file go to one worker
  loadgroup,  // like load; GROUP cases stay together (they do in every mode)
  no,         // one worker, manifest order
};

std::optional<DistMode> parse_dist_mode(std::string_view text);
const char* dist_mode_name(DistMode mode);

}  // namespace ptest
