// Where the manifest is: --manifest, else ptest/manifest.json in the working
// directory or above (inside a build tree).
#pragma once

#include <string>

namespace ptest {

// Throws UsageError when --manifest is empty and no manifest is found.
std::string locate_manifest(const std::string& flag);

}  // namespace ptest
