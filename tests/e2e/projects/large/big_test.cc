#include <gtest/gtest.h>

class Fast : public ::testing::TestWithParam<int> {};
TEST_P(Fast, Case) {
  if (GetParam() == 17) GTEST_SKIP() << "seventeen is skipped";
  EXPECT_NE(GetParam(), 13) << "thirteen fails";
}
INSTANTIATE_TEST_SUITE_P(Gen, Fast, ::testing::Range(0, 1000));

class Heavy : public ::testing::TestWithParam<int> {};
TEST_P(Heavy, Case) { EXPECT_GE(GetParam(), 0); }
INSTANTIATE_TEST_SUITE_P(Gen, Heavy, ::testing::Range(0, 1000));
