#include "discover/discovery_index.h"

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "discover/discovery.h"
#include "formats/manifest.h"
#include "util/atomic_file.h"

namespace ptest {

DiscoveryIndex read_discovery_index(const std::string& path) {
  using nlohmann::json;
  DiscoveryIndex index;
  try {
    const json document = json::parse(read_file(path));
    for (const auto& entry : document.at("targets")) index.fragments.push_back(entry.at("fragment").get<std::string>());
    for (const auto& marker : document.value("markers", json::array()))
      index.markers.push_back(
          MarkerInfo{marker.at("name").get<std::string>(), marker.value("description", std::string())});
    for (const auto& fixture : document.value("fixtures", json::array()))
      index.fixtures.push_back(Fixture{fixture.at("name").get<std::string>(),
                                       fixture.at("setup").get<std::vector<std::string>>(),
                                       fixture.value("cleanup", std::vector<std::string>{}),
                                       fixture.value("working_directory", std::string())});
  } catch (const json::exception& error) {
    throw SpecError("index '" + path + "' is not a ptest index: " + error.what());
  }
  return index;
}

Manifest merge_fragments(const DiscoveryIndex& index) {
  Manifest merged;
  for (const std::string& fragment_path : index.fragments) {
    if (::access(fragment_path.c_str(), R_OK) != 0) continue;
    Manifest fragment = read_manifest(fragment_path);
    const std::size_t offset = merged.targets.size();
    for (Target& target : fragment.targets) merged.targets.push_back(std::move(target));
    for (TestCase& test_case : fragment.cases) {
      test_case.target += offset;
      merged.cases.push_back(std::move(test_case));
    }
  }
  merged.markers = index.markers;
  merged.fixtures = index.fixtures;
  return merged;
}

}  // namespace ptest
