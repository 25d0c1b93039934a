// index.json: what the configure step knows of the whole project, written
// by PTest.cmake at the end of the top-level directory: every discovered
// target's fragment (in the order the targets were declared), the marker
// registry and the fixtures. Discovery merges it with the fragments into
// the manifest.
#pragma once

#include <string>
#include <vector>

#include "model/model.h"

namespace ptest {

struct DiscoveryIndex {
  std::vector<std::string> fragments;  // paths of the targets' fragments, in declaration order
  std::vector<MarkerInfo> markers;
  std::vector<Fixture> fixtures;
};

// Throws FileError when the file cannot be read, SpecError when it is not an index.
DiscoveryIndex read_discovery_index(const std::string& path);

// The manifest: the fragments that exist (a target not built yet has none,
// so no cases), in index order, with the index's markers and fixtures.
Manifest merge_fragments(const DiscoveryIndex& index);

}  // namespace ptest
