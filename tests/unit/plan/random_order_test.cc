#include "plan/random_order.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "test_support/builders.h"

using namespace ptest;
using namespace ptest::testing;

namespace {

// Four suites of five cases each, in two binaries.
Manifest four_suites() {
  std::vector<TestCase> cases;
  for (int suite = 0; suite < 4; ++suite)
    for (int test = 0; test < 5; ++test)
      cases.push_back(make_case("S" + std::to_string(suite), "T" + std::to_string(test), suite % 2));
  return make_manifest(2, cases);
}

}  // namespace

TEST(RandomOrder, TheSameSeedGivesTheSameOrderAndAnotherSeedAnother) {
  const Manifest manifest = four_suites();
  const std::vector<std::size_t> all = all_indices(manifest);
  EXPECT_EQ(shuffle_cases(all, manifest.cases, 7), shuffle_cases(all, manifest.cases, 7));
  EXPECT_NE(shuffle_cases(all, manifest.cases, 7), shuffle_cases(all, manifest.cases, 8));
  EXPECT_NE(shuffle_cases(all, manifest.cases, 7), all);
}

TEST(RandomOrder, EveryCaseOnceWithEachSuitesCasesTogether) {
  const Manifest manifest = four_suites();
  const std::vector<std::size_t> order = shuffle_cases(all_indices(manifest), manifest.cases, 12345);
  std::vector<std::size_t> sorted = order;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(sorted, all_indices(manifest));
  for (std::size_t i = 0; i < order.size(); i += 5)
    for (std::size_t j = i; j < i + 5; ++j) EXPECT_EQ(manifest.cases[order[j]].suite, manifest.cases[order[i]].suite);
}

TEST(RandomOrder, GoogleTestSeedsStayInItsRange) {
  EXPECT_EQ(gtest_random_seed(0), 1);
  EXPECT_EQ(gtest_random_seed(99998), 99999);
  EXPECT_EQ(gtest_random_seed(99999), 1);
}
