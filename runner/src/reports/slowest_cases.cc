#include "reports/slowest_cases.h"

#include <algorithm>
#include <cstdio>

#include "reports/banner.h"

namespace ptest {

std::vector<const CaseResult*> slowest_results(const std::vector<CaseResult>& results, std::size_t count) {
  std::vector<const CaseResult*> slowest;
  slowest.reserve(results.size());
  for (const CaseResult& result : results) slowest.push_back(&result);
  std::stable_sort(slowest.begin(), slowest.end(), [](const CaseResult* a, const CaseResult* b) {
    return a->stop - a->start > b->stop - b->start;
  });
  if (count > 0 && slowest.size() > count) slowest.resize(count);
  return slowest;
}

std::string slowest_cases_text(const Manifest& manifest, const std::vector<CaseResult>& results,
                               const DurationsOptions& options) {
  if (results.empty()) return {};
  const std::vector<const CaseResult*> slowest = slowest_results(results, options.count);
  const std::size_t listed = slowest.size();
  std::string text = banner(options.count > 0 ? "slowest " + std::to_string(options.count) + " durations"
                                              : "slowest durations");
  std::size_t hidden = 0;
  char line[64];
  for (const CaseResult* result : slowest) {
    const double duration = result->stop - result->start;
    if (duration < options.min_seconds) {
      ++hidden;
      continue;
    }
    std::snprintf(line, sizeof line, "%8.3fs %-4s ", duration, worker_name(result->worker).c_str());
    text += line + manifest.cases[result->case_index].id + "\n";
  }
  if (hidden > 0) {
    std::snprintf(line, sizeof line, "%g", options.min_seconds);
    text += "(" + std::to_string(hidden) + " of " + std::to_string(listed) + " durations < " + line +
            "s hidden; use --durations-min 0 to show them)\n";
  }
  return text;
}

}  // namespace ptest
