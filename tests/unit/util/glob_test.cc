#include "util/glob.h"

#include <gtest/gtest.h>

using ptest::glob_match;

TEST(Glob, LiteralMatchesOnlyItself) {
  EXPECT_TRUE(glob_match("Suite.Test", "Suite.Test"));
  EXPECT_FALSE(glob_match("Suite.Test", "Suite.Tes"));
  EXPECT_FALSE(glob_match("Suite.Tes", "Suite.Test"));
}

TEST(Glob, StarMatchesAnyRunIncludingNone) {
  EXPECT_TRUE(glob_match("*", ""));
  EXPECT_TRUE(glob_match("Suite.*", "Suite."));
  EXPECT_TRUE(glob_match("*Area0*", "Gen/Area0Test.Case/3"));
  EXPECT_FALSE(glob_match("*Area0*", "Gen/Area1Test.Case/3"));
  EXPECT_TRUE(glob_match("a*b*c", "aXXbYYc"));
  EXPECT_FALSE(glob_match("a*b*c", "aXXbYY"));
}

TEST(Glob, QuestionMarkMatchesExactlyOneCharacter) {
  EXPECT_TRUE(glob_match("Case/?", "Case/3"));
  EXPECT_FALSE(glob_match("Case/?", "Case/12"));
  EXPECT_FALSE(glob_match("Case/?", "Case/"));
}

TEST(Glob, ManyStarsDoNotBlowUp) {
  const std::string text(10000, 'a');
  EXPECT_FALSE(glob_match("*a*a*a*a*a*a*a*a*b", text));
  EXPECT_TRUE(glob_match("*a*a*a*a*a*a*a*a*", text));
}
