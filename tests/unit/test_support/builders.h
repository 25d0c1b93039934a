// Small builders shared by the unit tests: cases, manifests and results
// without files or processes.
#pragma once

#include <string>
#include <vector>

#include "model/model.h"
#include "plan/scheduler.h"

namespace ptest::testing {

inline TestCase make_case(const std::string& suite, const std::string& test, std::size_t target = 0,
                          std::vector<std::string> markers = {}, std::string group = {},
                          std::string file = "a_test.cc") {
  TestCase test_case;
  test_case.suite = suite;
  test_case.name = suite + "." + test;
  test_case.id = "bin" + std::to_string(target) + "::" + test_case.name;
  test_case.target = target;
  test_case.markers = std::move(markers);
  test_case.group = std::move(group);
  test_case.file = std::move(file);
  test_case.line = 1;
  return test_case;
}

inline Manifest make_manifest(std::size_t targets, std::vector<TestCase> cases) {
  Manifest manifest;
  for (std::size_t i = 0; i < targets; ++i)
    manifest.targets.push_back(Target{"bin" + std::to_string(i), "/bin/bin" + std::to_string(i), {}, "/tmp", {}});
  manifest.cases = std::move(cases);
  return manifest;
}

// One binary with the cases S.T0 ... S.T<count-1>.
inline Manifest numbered_cases(int count) {
  std::vector<TestCase> cases;
  for (int i = 0; i < count; ++i) cases.push_back(make_case("S", "T" + std::to_string(i)));
  return make_manifest(1, std::move(cases));
}

inline std::vector<std::size_t> all_indices(const Manifest& manifest) {
  std::vector<std::size_t> indices;
  for (std::size_t i = 0; i < manifest.cases.size(); ++i) indices.push_back(i);
  return indices;
}

inline SchedulerOptions scheduler_options(DistMode mode, int workers) {
  SchedulerOptions options;
  options.mode = mode;
  options.workers = workers;
  return options;
}

inline CaseResult make_result(std::size_t case_index, Outcome outcome, int worker = 0, double start = 0,
                              double stop = 0) {
  CaseResult result;
  result.case_index = case_index;
  result.outcome = outcome;
  result.worker = worker;
  result.start = start;
  result.stop = stop;
  return result;
}

}  // namespace ptest::testing
