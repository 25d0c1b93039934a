#include <gtest/gtest.h>

TEST(Later, Passes) {}
