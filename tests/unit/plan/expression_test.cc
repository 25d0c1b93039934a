#include "plan/expression.h"

#include <gtest/gtest.h>

#include <set>

using ptest::Expression;
using ptest::ExpressionError;

namespace {

bool holds(const std::string& text, std::set<std::string> truths) {
  return Expression::parse(text).evaluate([&](const std::string& name) { return truths.count(name) > 0; });
}

}  // namespace

TEST(Expression, SingleName) {
  EXPECT_TRUE(holds("smoke", {"smoke"}));
  EXPECT_FALSE(holds("smoke", {"slow"}));
}

TEST(Expression, AndBindsTighterThanOr) {
  // a or (b and c)
  EXPECT_TRUE(holds("a or b and c", {"a"}));
  EXPECT_FALSE(holds("a or b and c", {"b"}));
  EXPECT_TRUE(holds("a or b and c", {"b", "c"}));
}

TEST(Expression, NotAndParentheses) {
  EXPECT_TRUE(holds("smoke and not slow", {"smoke"}));
  EXPECT_FALSE(holds("smoke and not slow", {"smoke", "slow"}));
  EXPECT_TRUE(holds("(unit or integration) and not slow", {"integration"}));
  EXPECT_FALSE(holds("(unit or integration) and not slow", {"smoke"}));
  EXPECT_TRUE(holds("not not a", {"a"}));
}

TEST(Expression, NamesMayHoldPunctuation) {
  EXPECT_TRUE(holds("bin0::Gen/Area0Test.Case/3", {"bin0::Gen/Area0Test.Case/3"}));
  EXPECT_EQ(Expression::parse("a and (b or c)").names(), (std::vector<std::string>{"a", "b", "c"}));
}

TEST(Expression, ErrorsNameColumnAndToken) {
  try {
    Expression::parse("smoke and");
    FAIL() << "no error";
  } catch (const ExpressionError& error) {
    EXPECT_EQ(error.column(), 10);
    EXPECT_STREQ(error.what(), "at column 10: expected a name, 'not' or '(', got end of input");
  }
  try {
    Expression::parse("(smoke or slow");
    FAIL() << "no error";
  } catch (const ExpressionError& error) {
    EXPECT_STREQ(error.what(), "at column 15: expected ')', got end of input");
  }
  try {
    Expression::parse("smoke slow");
    FAIL() << "no error";
  } catch (const ExpressionError& error) {
    EXPECT_EQ(error.column(), 7);
    EXPECT_STREQ(error.what(), "at column 7: expected 'and', 'or' or the end, got 'slow'");
  }
  EXPECT_THROW(Expression::parse(""), ExpressionError);
  EXPECT_THROW(Expression::parse("and"), ExpressionError);
  EXPECT_THROW(Expression::parse(")"), ExpressionError);
}
