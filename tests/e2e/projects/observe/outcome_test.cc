#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <thread>

TEST(Outcome, Passes) {}
TEST(Outcome, Fails) {
  std::printf("output before the failure\n");
  EXPECT_EQ(1, 2) << "one is not two";
}
TEST(Outcome, Crashes) { std::raise(SIGSEGV); }
TEST(Outcome, Skips) { GTEST_SKIP() << "not here"; }
TEST(Outcome, Takes300ms) { std::this_thread::sleep_for(std::chrono::milliseconds(300)); }
