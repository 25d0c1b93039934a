#include "reports/slowest_cases.h"

#include <gtest/gtest.h>

#include "test_support/builders.h"

using namespace ptest;
using namespace ptest::testing;

namespace {

const Manifest kManifest = make_manifest(1, {make_case("S", "Quick"), make_case("S", "Slow"), make_case("S", "Mid"),
                                             make_case("S", "Instant")});

const std::vector<CaseResult> kResults = {
    make_result(0, Outcome::passed, 0, 0, 0.01), make_result(1, Outcome::failed, 1, 0, 2.5),
    make_result(2, Outcome::passed, 0, 0.01, 0.51), make_result(3, Outcome::passed, 1, 2.5, 2.501)};

}  // namespace

TEST(SlowestCases, ListsTheNSlowestFirstWithDurationAndWorker) {
  EXPECT_EQ(slowest_cases_text(kManifest, kResults, DurationsOptions{2, 0.005}),
            "============================= slowest 2 durations ==============================\n"
            "   2.500s gw1  bin0::S.Slow\n"
            "   0.500s gw0  bin0::S.Mid\n");
}

TEST(SlowestCases, ZeroListsEveryCaseAndTheMinimumHidesQuickOnesWithACount) {
  EXPECT_EQ(slowest_cases_text(kManifest, kResults, DurationsOptions{0, 0.005}),
            "============================== slowest durations ===============================\n"
            "   2.500s gw1  bin0::S.Slow\n"
            "   0.500s gw0  bin0::S.Mid\n"
            "   0.010s gw0  bin0::S.Quick\n"
            "(1 of 4 durations < 0.005s hidden; use --durations-min 0 to show them)\n");
}

TEST(SlowestCases, AMinimumOfZeroShowsEvenInstantCases) {
  const std::string text = slowest_cases_text(kManifest, kResults, DurationsOptions{0, 0});
  EXPECT_NE(text.find("bin0::S.Instant"), std::string::npos) << text;
  EXPECT_EQ(text.find("hidden"), std::string::npos) << text;
}

TEST(SlowestCases, NothingRunNothingSaid) {
  EXPECT_EQ(slowest_cases_text(kManifest, {}, DurationsOptions{}), "");
}
