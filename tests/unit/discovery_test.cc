#include "discovery.h"

#include <gtest/gtest.h>

using namespace ptest;

namespace {

std::vector<ListedCase> listing() {
  return {
      {"Login", "Login.ValidUser", "login_test.cc", 10, false},
      {"Login", "Login.DISABLED_Broken", "login_test.cc", 20, true},
      {"Gen/Area0Test", "Gen/Area0Test.Case/3", "area_test.cc", 5, false},
      {"Db", "Db.Insert", "db_test.cc", 7, false},
  };
}

DiscoverySpec spec() {
  DiscoverySpec spec;
  spec.target.name = "bin0";
  spec.markers = {"unit"};
  spec.marks = {{"smoke", {"Login.*", "*Area0*"}}, {"slow", {"Db.*"}}, {"unit", {"Db.*"}}};
  spec.groups = {{"database", {"Db.*"}}, {"other", {"*"}}};
  spec.timeout = 30;
  return spec;
}

}  // namespace

TEST(Discovery, IdsScopeAndTimeoutComeFromTheListing) {
  const Manifest fragment = build_fragment(spec(), listing());
  ASSERT_EQ(fragment.targets.size(), 1u);
  ASSERT_EQ(fragment.cases.size(), 4u);
  const TestCase& param = fragment.cases[2];
  EXPECT_EQ(param.id, "bin0::Gen/Area0Test.Case/3");
  EXPECT_EQ(param.name, "Gen/Area0Test.Case/3");
  EXPECT_EQ(param.suite, "Gen/Area0Test");
  EXPECT_EQ(param.file, "area_test.cc");
  EXPECT_EQ(param.line, 5);
  EXPECT_DOUBLE_EQ(param.timeout, 30);
  EXPECT_TRUE(fragment.cases[1].disabled);
}

TEST(Discovery, MarkersFromMarkersAndEveryMatchingMarkSortedOnce) {
  const Manifest fragment = build_fragment(spec(), listing());
  EXPECT_EQ(fragment.cases[0].markers, (std::vector<std::string>{"smoke", "unit"}));
  EXPECT_EQ(fragment.cases[2].markers, (std::vector<std::string>{"smoke", "unit"}));
  EXPECT_EQ(fragment.cases[3].markers, (std::vector<std::string>{"slow", "unit"}));
}

TEST(Discovery, FirstMatchingGroupWins) {
  const Manifest fragment = build_fragment(spec(), listing());
  EXPECT_EQ(fragment.cases[3].group, "database");
  EXPECT_EQ(fragment.cases[0].group, "other");
}
