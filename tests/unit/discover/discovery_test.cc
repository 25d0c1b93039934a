#include "discover/discovery.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

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

TEST(SourceMarks, ParsedFromTheLinesTheHeaderWrites) {
  const auto marks = parse_source_marks(
      "LoginTest.ValidUser\tsmoke, integration\t/src/login_test.cc\t12\n"
      "Param.Positive\tslow\t/src/p.cc\t3\n"
      "garbage line\n");
  ASSERT_EQ(marks.size(), 2u);
  EXPECT_EQ(marks[0].suite, "LoginTest");
  EXPECT_EQ(marks[0].test, "ValidUser");
  EXPECT_EQ(marks[0].markers, (std::vector<std::string>{"smoke", "integration"}));
  EXPECT_EQ(marks[0].file, "/src/login_test.cc");
  EXPECT_EQ(marks[0].line, 12);
}

TEST(SourceMarks, ApplyToPlainParameterizedAndTypedInstances) {
  const SourceMark param{"Param", "Positive", {"slow"}, "p.cc", 3};
  EXPECT_TRUE(source_mark_applies(param, "Param.Positive"));
  EXPECT_TRUE(source_mark_applies(param, "Gen/Param.Positive/0"));
  EXPECT_TRUE(source_mark_applies(param, "Param/1.Positive"));
  EXPECT_TRUE(source_mark_applies(param, "My/Param/1.Positive"));
  EXPECT_FALSE(source_mark_applies(param, "Params.Positive"));
  EXPECT_FALSE(source_mark_applies(param, "Param.PositiveToo"));
  EXPECT_FALSE(source_mark_applies(param, "Gen/Other.Positive/0"));
}

TEST(SourceMarks, AddToTheCasesMarkers) {
  const Manifest fragment = build_fragment(spec(), listing(), {{"Db", "Insert", {"smoke", "db"}, "db_test.cc", 9}});
  EXPECT_EQ(fragment.cases[3].markers, (std::vector<std::string>{"db", "slow", "smoke", "unit"}));
  EXPECT_EQ(fragment.cases[0].markers, (std::vector<std::string>{"smoke", "unit"}));
}

TEST(Discovery, APlainBinaryIsOneCaseNamedAfterItsTarget) {
  const Manifest fragment = build_plain_fragment(spec());
  ASSERT_EQ(fragment.targets.size(), 1u);
  EXPECT_EQ(fragment.targets[0].framework, Framework::plain);
  ASSERT_EQ(fragment.cases.size(), 1u);
  const TestCase& whole = fragment.cases[0];
  EXPECT_EQ(whole.id, "bin0::bin0");
  EXPECT_EQ(whole.name, "bin0");
  EXPECT_EQ(whole.suite, "bin0");
  EXPECT_FALSE(whole.disabled);
  // MARKERS, GROUP and TIMEOUT apply as to any case: "*" matches it.
  EXPECT_EQ(whole.markers, std::vector<std::string>{"unit"});
  EXPECT_EQ(whole.group, "other");
  EXPECT_DOUBLE_EQ(whole.timeout, 30);
}

namespace {

// A spec file as PTest.cmake writes it, with `extra` JSON members added.
class SpecFile : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/ptest-spec-XXXXXX";
    ASSERT_NE(::mkdtemp(pattern), nullptr);
    dir_ = pattern;
    path_ = dir_ + "/t.json";
  }
  void TearDown() override { std::system(("rm -rf '" + dir_ + "'").c_str()); }
  void write(const std::string& extra) {
    std::ofstream(path_) << "{\"target\": \"t\", \"executable\": \"/bin/t\", \"fragment\": \"f.json\", "
                            "\"ctest_file\": \"t.cmake\", \"index\": \"index.json\", \"manifest\": \"m.json\""
                         << extra << "}";
  }

  std::string dir_, path_;
};

}  // namespace

TEST_F(SpecFile, StrictIsReadFromTheSpec) {
  write(", \"strict\": true");
  EXPECT_TRUE(read_discovery_spec(path_).strict);
  write(", \"strict\": false");
  EXPECT_FALSE(read_discovery_spec(path_).strict);
}

TEST_F(SpecFile, StrictIsOffWhenTheSpecDoesNotSayIt) {
  write("");
  EXPECT_FALSE(read_discovery_spec(path_).strict);
}

TEST_F(SpecFile, StrictThatIsNotABooleanIsAnErrorNamingTheFile) {
  write(", \"strict\": \"yes\"");
  try {
    read_discovery_spec(path_);
    FAIL() << "expected a SpecError";
  } catch (const SpecError& error) {
    EXPECT_NE(std::string(error.what()).find("discovery spec '" + path_ + "'"), std::string::npos) << error.what();
  }
}

TEST(Discovery, AMarkersRerunsApplyToItsCasesAndTheLargestWins) {
  DiscoverySpec with_reruns = spec();
  with_reruns.marker_reruns = {{"smoke", 2}, {"slow", 3}, {"unit", 1}};
  const Manifest fragment = build_fragment(with_reruns, listing());
  EXPECT_EQ(fragment.cases[0].reruns, 2);  // smoke and unit
  EXPECT_EQ(fragment.cases[3].reruns, 3);  // slow and unit
  EXPECT_EQ(build_fragment(spec(), listing()).cases[0].reruns, 0);
}

TEST(Discovery, AMarkersSlowPeriodAppliesToItsCasesAndTheLargestWins) {
  DiscoverySpec with_slow = spec();
  with_slow.marker_slow = {{"smoke", 0.3}, {"unit", 2}, {"slow", 120}};
  const Manifest fragment = build_fragment(with_slow, listing());
  EXPECT_DOUBLE_EQ(fragment.cases[0].slow, 2);    // smoke and unit
  EXPECT_DOUBLE_EQ(fragment.cases[3].slow, 120);  // slow and unit
  EXPECT_DOUBLE_EQ(build_fragment(spec(), listing()).cases[0].slow, 0);
}

TEST_F(SpecFile, MarkerSlowIsReadFromTheSpec) {
  write(", \"marker_slow\": {\"integration\": 0.3}");
  EXPECT_EQ(read_discovery_spec(path_).marker_slow, (std::map<std::string, double>{{"integration", 0.3}}));
  write("");
  EXPECT_TRUE(read_discovery_spec(path_).marker_slow.empty());
}

TEST(Discovery, MarkersTheFrameworkListedJoinTheSpecsOnes) {
  DiscoverySpec spec;
  spec.target.name = "shapes";
  spec.markers = {"unit"};
  ListedCase listed;
  listed.suite = "shapes.cc";
  listed.name = "area, [of] squares";
  listed.markers = {"smoke", "geometry"};
  const Manifest fragment = build_fragment(spec, {listed});
  ASSERT_EQ(fragment.cases.size(), 1u);
  EXPECT_EQ(fragment.cases[0].id, "shapes::area, [of] squares");
  EXPECT_EQ(fragment.cases[0].markers, (std::vector<std::string>{"geometry", "smoke", "unit"}));
}
