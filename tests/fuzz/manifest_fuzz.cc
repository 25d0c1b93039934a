// libFuzzer target: the manifest reader must turn any bytes into a manifest
// or a ManifestError, never crash; what it accepts must survive a round trip.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "formats/manifest.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const ptest::Manifest manifest = ptest::parse_manifest(text, "fuzz.json");
    const ptest::Manifest again = ptest::parse_manifest(ptest::manifest_to_json(manifest), "again.json");
    if (again.cases.size() != manifest.cases.size() || again.targets.size() != manifest.targets.size()) std::abort();
  } catch (const ptest::ManifestError&) {
  }
  return 0;
}
