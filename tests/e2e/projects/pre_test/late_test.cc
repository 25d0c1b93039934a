#include <gtest/gtest.h>

TEST(Late, One) { SUCCEED(); }
TEST(Late, Two) { SUCCEED(); }
