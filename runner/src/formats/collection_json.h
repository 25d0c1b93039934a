// `ptest --collect-only --json`: the selected cases with their markers,
// scope, group and the command that runs each alone. A stable format,
// documented in docs/formats.md.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "model/model.h"

namespace ptest {

std::string collection_to_json(const Manifest& manifest, const std::vector<std::size_t>& selected);

}  // namespace ptest
