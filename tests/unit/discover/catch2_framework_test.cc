#include "discover/catch2_framework.h"

#include <gtest/gtest.h>

using namespace ptest;

namespace {

// Catch2 2.13's listings of the same three cases: names only, and with
// `-v high`, where a long name, a long path and long tags wrap at 80 columns.
const char* kNames =
    "a very long test case name that goes on and on and on past the eighty column limit of the console\n"
    "short, with [brackets]\n"
    "hidden2\n";
const char* kListing =
    "Matching test cases:\n"
    "  a very long test case name that goes on and on and on past the eighty column\n"
    "    limit of the console\n"
    "    /tmp/w12/a_rather_long_directory_name/another_long_directory_name_here/\n"
    "    and_yet_more_of_it/c3.cc:3\n"
    "    (NO DESCRIPTION)\n"
    "      [a_really_long_tag_name_number_one][a_really_long_tag_name_number_two]\n"
    "      [smoke][three]\n"
    "  short, with [brackets]\n"
    "    c3.cc:4\n"
    "    a description\n"
    "      [!hide][.][!mayfail][slow]\n"
    "  hidden2\n"
    "    c3.cc:5\n"
    "    (NO DESCRIPTION)\n"
    "      [.integration]\n"
    "3 matching test cases\n"
    "\n";

std::vector<ListedCase> parse(const std::string& names, const std::string& listing) {
  return Catch2Framework().parse_listing({ListingOutput{names, {}}, ListingOutput{listing, {}}});
}

TEST(Catch2Framework, ListsExactNamesWithFileLineAndTagsThoughTheListingWraps) {
  const std::vector<ListedCase> cases = parse(kNames, kListing);
  ASSERT_EQ(cases.size(), 3u);
  EXPECT_EQ(cases[0].name, "a very long test case name that goes on and on and on past the eighty column limit of the console");
  EXPECT_EQ(cases[0].file,
            "/tmp/w12/a_rather_long_directory_name/another_long_directory_name_here/and_yet_more_of_it/c3.cc");
  EXPECT_EQ(cases[0].line, 3);
  EXPECT_EQ(cases[0].suite, "c3.cc");
  EXPECT_EQ(cases[0].markers, (std::vector<std::string>{"a_really_long_tag_name_number_one",
                                                        "a_really_long_tag_name_number_two", "smoke", "three"}));
  EXPECT_FALSE(cases[0].disabled);
  EXPECT_EQ(cases[1].name, "short, with [brackets]");
  EXPECT_EQ(cases[1].line, 4);
}

TEST(Catch2Framework, HiddenCasesAreDisabledAndCatch2sOwnTagsAreNoMarkers) {
  const std::vector<ListedCase> cases = parse(kNames, kListing);
  ASSERT_EQ(cases.size(), 3u);
  EXPECT_TRUE(cases[1].disabled);
  EXPECT_EQ(cases[1].markers, (std::vector<std::string>{"slow"}));
  EXPECT_TRUE(cases[2].disabled);  // "[.integration]": hidden, and tagged "integration"
  EXPECT_EQ(cases[2].markers, (std::vector<std::string>{"integration"}));
}

TEST(Catch2Framework, AListingThatIsNotCatch2sIsAnError) {
  EXPECT_THROW(parse("one\n", "Usage: prog [options]\n"), ListingError);
  EXPECT_THROW(parse("one\ntwo\n", "Matching test cases:\n  one\n    a.cc:1\n    (NO DESCRIPTION)\n1 matching\n"),
               ListingError);
  EXPECT_THROW(parse("one\n", "Matching test cases:\n  one\n    (NO DESCRIPTION)\n"), ListingError);
}

TEST(Catch2Framework, TheFilterEscapesWhatCatch2sSpecParserReads) {
  EXPECT_EQ(catch2_spec_term(R"(a, b [c] "d" ~e \f)"), R"(a\, b \[c\] \"d\" \~e \\f)");
  EXPECT_EQ(Catch2Framework().filter_arguments({"one, two", "three"}), (std::vector<std::string>{"one\\, two,three"}));
}

TEST(Catch2Framework, NamesNoFilterCanChooseAloneAreProblems) {
  auto problem = [](std::vector<std::string> names) {
    std::vector<ListedCase> listed;
    for (std::string& name : names) listed.push_back(ListedCase{"s", std::move(name), "f", 1, false, {}});
    return Catch2Framework().filter_problem(listed);
  };
  EXPECT_EQ(problem({"plain", "with, comma [and] brackets"}), "");
  EXPECT_NE(problem({"*starts"}).find("case '*starts'"), std::string::npos);
  EXPECT_NE(problem({"ends*"}), "");
  EXPECT_NE(problem({"exclude:this"}), "");
  EXPECT_NE(problem({"Same Name", "same name"}).find("regardless of case"), std::string::npos);
}

}  // namespace
