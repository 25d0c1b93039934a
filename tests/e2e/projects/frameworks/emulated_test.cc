#include <gtest/gtest.h>

TEST(Emulated, One) { EXPECT_EQ(1, 1); }
TEST(Emulated, Two) { EXPECT_EQ(2, 2); }
