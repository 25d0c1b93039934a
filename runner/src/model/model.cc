#include "model/model.h"

#include <algorithm>

namespace ptest {

const char* outcome_name(Outcome outcome) {
  switch (outcome) {
    case Outcome::passed: return "passed";
    case Outcome::failed: return "failed";
    case Outcome::skipped: return "skipped";
    case Outcome::crashed: return "crashed";
    case Outcome::timeout: return "timeout";
    case Outcome::flaky: return "flaky";
  }
  return "unknown";
}

const char* framework_name(Framework framework) {
  switch (framework) {
    case Framework::gtest: return "gtest";
    case Framework::plain: return "plain";
    case Framework::catch2: return "catch2";
    case Framework::doctest: return "doctest";
  }
  return "unknown";
}

std::optional<Framework> parse_framework(std::string_view text) {
  for (const Framework framework : {Framework::gtest, Framework::plain, Framework::catch2, Framework::doctest})
    if (text == framework_name(framework)) return framework;
  return std::nullopt;
}

CaseResult result_without_running(std::size_t case_index, Outcome outcome, int worker, double at,
                                  std::string message) {
  CaseResult result;
  result.case_index = case_index;
  result.outcome = outcome;
  result.worker = worker;
  result.start = result.stop = at;
  result.message = std::move(message);
  return result;
}

void normalise_markers(std::vector<std::string>& markers) {
  std::sort(markers.begin(), markers.end());
  markers.erase(std::unique(markers.begin(), markers.end()), markers.end());
}

std::string worker_name(int worker) { return "gw" + std::to_string(worker); }

}  // namespace ptest
