// PTEST_ENV files: what a fixture's SETUP exports, as NAME=VALUE lines. The
// runner reads them for its batches, `ptest exec` for CTest's cases.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace ptest {

// The NAME=VALUE lines of the file; nothing when it does not exist (the
// setup exported nothing). Lines without '=' are ignored.
std::vector<std::pair<std::string, std::string>> read_env_file(const std::string& path);

}  // namespace ptest
