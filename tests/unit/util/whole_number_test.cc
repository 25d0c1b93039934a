#include "util/whole_number.h"

#include <gtest/gtest.h>

using namespace ptest;

TEST(WholeNumber, TheWholeTextWithinBounds) {
  EXPECT_EQ(parse_whole_number("12", 0, 100), 12);
  EXPECT_EQ(parse_whole_number("-1", -5, 5), -1);
  EXPECT_EQ(parse_whole_number("0", 0, 0), 0);
}

TEST(WholeNumber, AnythingElseIsNothing) {
  for (const char* text : {"", "abc", "1.5", "12x", " 3", "+3", "-1"})
    EXPECT_FALSE(parse_whole_number(text, 0, 100)) << text;
  EXPECT_FALSE(parse_whole_number("101", 0, 100));
  EXPECT_FALSE(parse_whole_number("99999999999999999999", 0, 100));
}
