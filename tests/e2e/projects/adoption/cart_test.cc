#include <gtest/gtest.h>

TEST(Cart, StartsEmpty) { EXPECT_EQ(0, 0); }
TEST(Cart, AddsItems) { EXPECT_EQ(1 + 1, 2); }
