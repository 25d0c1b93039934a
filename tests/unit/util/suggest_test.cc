#include "util/suggest.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

using ptest::closest_name;

TEST(ClosestName, FindsALikelyTypo) {
  const std::vector<std::string> markers{"integration", "slow", "smoke", "unit"};
  EXPECT_EQ(closest_name("smok", markers), "smoke");
  EXPECT_EQ(closest_name("slwo", markers), "slow");
  EXPECT_EQ(closest_name("integraton", markers), "integration");
}

TEST(ClosestName, SuggestsNothingFarOff) {
  EXPECT_FALSE(closest_name("database", {"integration", "slow", "smoke", "unit"}));
  EXPECT_FALSE(closest_name("x", {}));
}

TEST(ClosestName, AllowsOneEditUpToFiveLettersThenAThirdOfTheLength) {
  const std::vector<std::string> markers{"serial", "smoke"};
  EXPECT_FALSE(closest_name("smk", markers));    // 3 letters, 2 edits
  EXPECT_FALSE(closest_name("ceria", markers));  // 5 letters, 2 edits
  EXPECT_EQ(closest_name("cerias", markers), "serial");  // 6 letters, 2 edits
}

TEST(ClosestName, PicksTheFirstOfEquallyCloseNames) {
  EXPECT_EQ(closest_name("siow", {"slow", "snow"}), "slow");
  EXPECT_EQ(closest_name("siow", {"snow", "slow"}), "snow");
}

// The table the CMake module's _ptest_closest_name() is tested on too
// (tests/cmake/suggest_test.cmake), so that both sides keep one rule.
TEST(ClosestName, AnswersEveryCaseOfTheSharedTable) {
  std::ifstream table(PTEST_SUGGEST_CASES);
  ASSERT_TRUE(table) << "cannot read " << PTEST_SUGGEST_CASES;
  int cases = 0;
  for (std::string line; std::getline(table, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string name, expected;
    fields >> name >> expected;
    std::vector<std::string> candidates;
    for (std::string candidate; fields >> candidate;) candidates.push_back(candidate);
    SCOPED_TRACE(line);
    EXPECT_EQ(closest_name(name, candidates).value_or("-"), expected);
    ++cases;
  }
  EXPECT_GE(cases, 15);  // the whole table was read, not just its start
}
