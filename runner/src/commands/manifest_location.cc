#include "commands/manifest_location.h"

#include <unistd.h>

#include "model/errors.h"
#include "util/paths.h"

namespace ptest {

namespace {

// Inside a build tree, the manifest is found from the working directory up.
std::string find_manifest() {
  char buffer[4096];
  if (!::getcwd(buffer, sizeof buffer)) return {};
  for (std::string dir = buffer;; dir = dir.substr(0, dir.rfind('/'))) {
    const std::string candidate = (dir.empty() ? "" : dir) + "/ptest/manifest.json";
    if (path_exists(candidate)) return candidate;
    if (dir.empty()) return {};
  }
}

}  // namespace

std::string locate_manifest(const std::string& flag) {
  const std::string path = flag.empty() ? find_manifest() : flag;
  if (path.empty())
    throw UsageError("no manifest: ptest/manifest.json is not in this directory or above; "
                     "run ptest inside a build tree or pass --manifest");
  return path;
}

}  // namespace ptest
