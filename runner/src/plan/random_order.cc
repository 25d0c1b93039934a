#include "plan/random_order.h"

#include <map>
#include <random>
#include <string>
#include <utility>

namespace ptest {

namespace {

// Fisher-Yates with mt19937_64, whose output the standard fixes.
template <class T>
void shuffle(std::vector<T>& items, std::mt19937_64& random) {
  for (std::size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[random() % i]);
}

}  // namespace

std::vector<std::size_t> shuffle_cases(const std::vector<std::size_t>& selected, const std::vector<TestCase>& cases,
                                       std::uint64_t seed) {
  std::mt19937_64 random(seed);
  std::map<std::pair<std::size_t, std::string>, std::size_t> suite_numbers;
  std::vector<std::vector<std::size_t>> suites;  // in the order first seen
  for (std::size_t index : selected) {
    const auto key = std::make_pair(cases[index].target, cases[index].suite);
    const auto [it, added] = suite_numbers.emplace(key, suites.size());
    if (added) suites.emplace_back();
    suites[it->second].push_back(index);
  }
  shuffle(suites, random);
  std::vector<std::size_t> order;
  order.reserve(selected.size());
  for (std::vector<std::size_t>& suite : suites) {
    shuffle(suite, random);
    order.insert(order.end(), suite.begin(), suite.end());
  }
  return order;
}

int gtest_random_seed(std::uint64_t seed) { return static_cast<int>(seed % 99999) + 1; }

}  // namespace ptest
