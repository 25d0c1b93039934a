#include "discover/doctest_framework.h"

#include <gtest/gtest.h>

using namespace ptest;

namespace {

const char* kListing =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<doctest binary=\"./dt\" version=\"2.4.9\">\n"
    "  <Options order_by=\"file\" rand_seed=\"0\"/>\n"
    "  <TestCase name=\"adds, &quot;numbers&quot;\" testsuite=\"math\" filename=\"dt.cc\" line=\"6\" skipped=\"false\"/>\n"
    "  <TestCase name=\"top level\" filename=\"dt.cc\" line=\"9\" skipped=\"false\"/>\n"
    "  <TestCase name=\"skipped\" filename=\"dt.cc\" line=\"11\" skipped=\"true\"/>\n"
    "  <OverallResultsTestCases unskipped=\"3\"/>\n"
    "</doctest>\n";

std::vector<ListedCase> parse(const std::string& text) {
  return DoctestFramework().parse_listing({ListingOutput{text, {}}});
}

TEST(DoctestFramework, ListsEachCaseWithItsTestSuiteFileAndLine) {
  const std::vector<ListedCase> cases = parse(kListing);
  ASSERT_EQ(cases.size(), 3u);
  EXPECT_EQ(cases[0].name, "adds, \"numbers\"");
  EXPECT_EQ(cases[0].suite, "math");
  EXPECT_EQ(cases[0].file, "dt.cc");
  EXPECT_EQ(cases[0].line, 6);
  EXPECT_EQ(cases[1].suite, "");
  EXPECT_FALSE(cases[1].disabled);
  EXPECT_TRUE(cases[2].disabled);  // doctest::skip()
}

TEST(DoctestFramework, OutputThatIsNotDoctestsListingIsAnError) {
  EXPECT_THROW(parse("hello\n"), ListingError);
  EXPECT_THROW(parse("<doctest binary=\"x\">\n  <TestCase name=\"a\"/>\n"), ListingError);  // cut short
}

TEST(DoctestFramework, TheFilterEscapesCommasAndBackslashesAndComparesWithCase) {
  EXPECT_EQ(DoctestFramework().filter_arguments({"a, b", "c\\d"}),
            (std::vector<std::string>{"--test-case=a\\, b,c\\\\d", "--case-sensitive=true"}));
}

TEST(DoctestFramework, NamesNoFilterCanChooseAloneAreProblems) {
  auto problem = [](std::vector<std::pair<std::string, std::string>> cases) {
    std::vector<ListedCase> listed;
    for (auto& [suite, name] : cases) listed.push_back(ListedCase{suite, name, "f", 1, false, {}});
    return DoctestFramework().filter_problem(listed);
  };
  EXPECT_EQ(problem({{"a", "one"}, {"b", "two?"}}), "");
  EXPECT_NE(problem({{"a", "one"}, {"b", "one"}}).find("TEST_SUITE 'a'"), std::string::npos);
  EXPECT_NE(problem({{"", "on?"}, {"", "one"}}).find("also chooses 'one'"), std::string::npos);
}

}  // namespace
