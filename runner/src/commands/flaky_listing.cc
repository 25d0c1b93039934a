#include "commands/flaky_listing.h"

#include <algorithm>
#include <cstdio>

#include "formats/history.h"
#include "model/exit_status.h"
#include "util/paths.h"

namespace ptest {

std::size_t flips(const std::string& recent) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < recent.size(); ++i) {
    if (recent[i] == 'k') ++count;
    if (i > 0 && (recent[i] == 'f') != (recent[i - 1] == 'f')) ++count;
  }
  return count;
}

int print_flaky_cases(const std::string& manifest_path, const Manifest& manifest,
                      const std::vector<std::size_t>& selected) {
  const HistoryRead read = read_history(sibling_path(manifest_path, "history.json"));
  if (!read.warning.empty()) std::fprintf(stderr, "ptest: warning: %s\n", read.warning.c_str());
  struct Row {
    std::size_t flips, flaky, failed, runs;
    const std::string* id;
  };
  std::vector<Row> rows;
  for (std::size_t index : selected) {
    const auto it = read.history.find(manifest.cases[index].id);
    if (it == read.history.end()) continue;
    const std::string& recent = it->second.recent;
    const std::size_t flipped = flips(recent);
    if (flipped == 0) continue;
    rows.push_back(Row{flipped, static_cast<std::size_t>(std::count(recent.begin(), recent.end(), 'k')),
                       static_cast<std::size_t>(std::count(recent.begin(), recent.end(), 'f')), recent.size(),
                       &manifest.cases[index].id});
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return a.flips != b.flips ? a.flips > b.flips : a.flaky + a.failed > b.flaky + b.failed;
  });
  if (rows.empty()) {
    std::printf("ptest: no case flipped in its last runs (up to %zu kept per case)\n", kRecentRuns);
    return kExitOk;
  }
  std::printf("flips  flaky  failed  runs  case\n");
  for (const Row& row : rows)
    std::printf("%5zu  %5zu  %6zu  %4zu  %s\n", row.flips, row.flaky, row.failed, row.runs, row.id->c_str());
  return kExitOk;
}

}  // namespace ptest
