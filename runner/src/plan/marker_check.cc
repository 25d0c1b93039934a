#include "plan/marker_check.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "model/errors.h"
#include "util/suggest.h"

namespace ptest {

// A typo such as "smok" would otherwise select nothing, silently.
void check_markers(const Selection& selection, const Manifest& manifest) {
  std::vector<std::string> known;
  for (const MarkerInfo& marker : manifest.markers) known.push_back(marker.name);
  const bool registry = !known.empty();
  if (!registry)
    for (const TestCase& test_case : manifest.cases)
      known.insert(known.end(), test_case.markers.begin(), test_case.markers.end());
  for (const std::string& marker : selection.marker_names()) {
    if (std::find(known.begin(), known.end(), marker) != known.end()) continue;
    const auto suggestion = closest_name(marker, known);
    const std::string hint = suggestion ? "; did you mean '" + *suggestion + "'?" : "";
    if (registry)
      throw UsageError("-m: marker '" + marker + "' is not registered" + hint +
                       " (ptest --markers lists them; register markers with ptest_markers() in CMake)");
    std::fprintf(stderr, "ptest: warning: -m: no case has the marker '%s'%s\n", marker.c_str(), hint.c_str());
  }
}

void print_markers(const Manifest& manifest) {
  std::map<std::string, std::size_t> counts;
  for (const TestCase& test_case : manifest.cases)
    for (const std::string& marker : test_case.markers) ++counts[marker];
  for (const MarkerInfo& marker : manifest.markers)
    std::printf("%-16s %6zu case%s  %s\n", marker.name.c_str(), counts[marker.name],
                counts[marker.name] == 1 ? " " : "s", marker.description.c_str());
}

}  // namespace ptest
