// `ptest discover SPEC`: the build-time step behind ptest_discover_tests().
// Lists a test binary's cases, writes its manifest fragment and CTest script,
// and merges every built target's fragment into the manifest.
#pragma once

#include <string>

namespace ptest {

// Returns the exit status; a failure is printed for the build log.
int discover_command(const std::string& spec_path);

}  // namespace ptest
