#include "execution/gtest_filter.h"

#include <map>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace ptest {

std::string gtest_suite_of(const std::string& case_name) { return case_name.substr(0, case_name.find('.')); }

GtestFilter::GtestFilter(const Manifest& manifest) : manifest_(manifest), suite_of_case_(manifest.cases.size()) {
  std::map<std::pair<std::size_t, std::string>, std::size_t> numbers;
  for (std::size_t i = 0; i < manifest.cases.size(); ++i) {
    const TestCase& test_case = manifest.cases[i];
    const auto [it, added] =
        numbers.emplace(std::make_pair(test_case.target, gtest_suite_of(test_case.name)), numbers.size());
    if (added) suite_size_.push_back(0);
    suite_of_case_[i] = it->second;
    ++suite_size_[it->second];
  }
}

std::string GtestFilter::for_cases(const std::vector<std::size_t>& cases) const {
  // A case appears in a batch once, so a suite is whole when the batch holds
  // as many of its cases as the manifest does. (A suite with a DISABLED_
  // case is never whole: the runner does not batch disabled cases, and
  // `Suite.*` must not pick up cases the manifest does not know.)
  std::unordered_map<std::size_t, std::size_t> in_batch;
  for (std::size_t index : cases) ++in_batch[suite_of_case_[index]];
  std::unordered_set<std::size_t> named;
  std::string filter;
  auto add = [&filter](const std::string& pattern) {
    if (!filter.empty()) filter += ':';
    filter += pattern;
  };
  for (std::size_t index : cases) {
    const std::size_t suite = suite_of_case_[index];
    if (in_batch[suite] != suite_size_[suite]) add(manifest_.cases[index].name);
    else if (named.insert(suite).second) add(gtest_suite_of(manifest_.cases[index].name) + ".*");
  }
  return filter;
}

}  // namespace ptest
