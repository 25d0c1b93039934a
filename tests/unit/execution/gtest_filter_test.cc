#include "execution/gtest_filter.h"

#include <gtest/gtest.h>

#include "test_support.h"

using namespace ptest;
using ptest::testing::make_case;

namespace {

// Two targets; target 0 has suites A (two cases) and Gen/P (two instances),
// target 1 has its own suite A.
Manifest two_targets() {
  Manifest manifest;
  manifest.targets.resize(2);
  manifest.cases = {make_case("A", "One", 0), make_case("A", "Two", 0), make_case("Gen/P", "Case/0", 0),
                    make_case("Gen/P", "Case/1", 0), make_case("A", "One", 1)};
  return manifest;
}

}  // namespace

TEST(GtestFilter, AWholeSuiteIsOnePattern) {
  const Manifest manifest = two_targets();
  EXPECT_EQ(GtestFilter(manifest).for_cases({0, 1, 2, 3}), "A.*:Gen/P.*");
}

TEST(GtestFilter, APartOfASuiteIsNamedCaseByCase) {
  const Manifest manifest = two_targets();
  EXPECT_EQ(GtestFilter(manifest).for_cases({1, 2, 3}), "A.Two:Gen/P.*");
}

TEST(GtestFilter, SuitesOfTheSameNameInOtherTargetsDoNotCount) {
  const Manifest manifest = two_targets();
  EXPECT_EQ(GtestFilter(manifest).for_cases({4}), "A.*");
  EXPECT_EQ(GtestFilter(manifest).for_cases({0, 1}), "A.*");
}

TEST(GtestFilter, ASuiteWithADisabledCaseIsNeverWhole) {
  Manifest manifest = two_targets();
  TestCase disabled = make_case("A", "DISABLED_Three", 0);
  disabled.disabled = true;
  manifest.cases.push_back(disabled);
  EXPECT_EQ(GtestFilter(manifest).for_cases({0, 1}), "A.One:A.Two");
}

TEST(GtestFilter, KeepsTheBatchOrder) {
  const Manifest manifest = two_targets();
  EXPECT_EQ(GtestFilter(manifest).for_cases({3, 0, 2}), "Gen/P.*:A.One");
}
