// Small builders shared by the unit tests: manifests without files.
#pragma once

#include <string>
#include <vector>

#include "model/model.h"

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

inline std::vector<std::size_t> all_indices(const Manifest& manifest) {
  std::vector<std::size_t> indices;
  for (std::size_t i = 0; i < manifest.cases.size(); ++i) indices.push_back(i);
  return indices;
}

}  // namespace ptest::testing
