#include "plan/selection.h"

#include <gtest/gtest.h>

#include "test_support.h"

using namespace ptest;
using ptest::testing::make_case;
using ptest::testing::make_manifest;

namespace {

Manifest sample() {
  return make_manifest(2, {
                              make_case("Login", "ValidUser", 0, {"smoke", "unit"}),
                              make_case("Login", "SlowPath", 0, {"slow", "unit"}),
                              make_case("Db", "Insert", 1, {"integration"}),
                              make_case("Db", "Bulk", 1, {"integration", "slow"}),
                          });
}

std::vector<std::size_t> pick(const SelectionOptions& options) { return Selection(options).apply(sample()); }

}  // namespace

TEST(Selection, EmptyOptionsSelectEverything) {
  EXPECT_EQ(pick({}), (std::vector<std::size_t>{0, 1, 2, 3}));
}

TEST(Selection, MarkerExpression) {
  EXPECT_EQ(pick({"smoke and not slow", "", {}}), (std::vector<std::size_t>{0}));
  EXPECT_EQ(pick({"(unit or integration) and not slow", "", {}}), (std::vector<std::size_t>{0, 2}));
  EXPECT_EQ(pick({"not slow", "", {}}), (std::vector<std::size_t>{0, 2}));
}

TEST(Selection, KeywordIsCaseInsensitiveSubstringOfId) {
  EXPECT_EQ(pick({"", "login", {}}), (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(pick({"", "BIN1:: and not bulk", {}}), (std::vector<std::size_t>{2}));
}

TEST(Selection, PatternsAreGlobsOnIdsAnyOfWhichMatches) {
  EXPECT_EQ(pick({"", "", {"bin1::*"}}), (std::vector<std::size_t>{2, 3}));
  EXPECT_EQ(pick({"", "", {"*Valid*", "*Bulk"}}), (std::vector<std::size_t>{0, 3}));
}

TEST(Selection, AllCriteriaMustAgree) {
  EXPECT_EQ(pick({"slow", "db", {"bin1::*"}}), (std::vector<std::size_t>{3}));
}

TEST(Selection, BadExpressionNamesTheFlag) {
  try {
    Selection({"smoke and", "", {}});
    FAIL() << "no error";
  } catch (const ExpressionError& error) {
    EXPECT_EQ(std::string(error.what()).rfind("-m expression 'smoke and': at column 10", 0), 0u) << error.what();
  }
  EXPECT_THROW(Selection({"", "a or", {}}), ExpressionError);
}
