#include <gtest/gtest.h>

#include <cstdlib>
#include <thread>

TEST(Good, Adds) { EXPECT_EQ(2, 1 + 1); }
TEST(Bad, Fails) { EXPECT_EQ(3, 1 + 1); }
TEST(Bad, Crashes) { std::abort(); }
TEST(Bad, Hangs) { std::this_thread::sleep_for(std::chrono::seconds(30)); }
TEST(Bad, Skips) { GTEST_SKIP() << "not today"; }
