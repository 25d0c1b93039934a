#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>

TEST(Faults, PassesFirst) {}
TEST(Faults, Segfaults) { std::raise(SIGSEGV); }
TEST(Faults, PassesAfterSegfault) {}
TEST(Faults, Aborts) { std::abort(); }
TEST(Faults, ExitsEarly) { std::exit(0); }
TEST(Faults, Hangs) {
  if (const char* path = std::getenv("FAULTS_HANG_PID_FILE")) std::ofstream(path) << getpid() << "\n";
  for (;;) std::this_thread::sleep_for(std::chrono::seconds(1));
}
TEST(Faults, Fails) { EXPECT_EQ(1, 2) << "the <expected> failure & message"; }
TEST(Faults, Skips) { GTEST_SKIP() << "not today"; }
TEST(Faults, DISABLED_NeverRuns) { FAIL() << "disabled cases must not run"; }
TEST(Faults, PrintsFiftyMegabytes) {
  const std::string line(1023, 'x');
  for (int i = 0; i < 50 * 1024; ++i) std::printf("%s\n", line.c_str());
}
TEST(Faults, LeaksAChildHoldingStdout) {
  // The child keeps the output pipe open long after the test ends; the run
  // must not wait for it, and must not leave it running.
  const pid_t child = fork();
  if (child == 0) {
    std::this_thread::sleep_for(std::chrono::seconds(300));
    _exit(0);
  }
  if (const char* path = std::getenv("FAULTS_CHILD_PID_FILE")) std::ofstream(path) << child << "\n";
}
TEST(Faults, PassesLast) {}

class Values : public ::testing::TestWithParam<std::string> {};
TEST_P(Values, Pass) { EXPECT_FALSE(GetParam().empty()); }
INSTANTIATE_TEST_SUITE_P(Odd, Values, ::testing::Values("a b", "c/d", "<&>"));

template <class T>
class Typed : public ::testing::Test {};
using Types = ::testing::Types<int, char>;
TYPED_TEST_SUITE(Typed, Types);
TYPED_TEST(Typed, Pass) { EXPECT_EQ(sizeof(TypeParam), sizeof(TypeParam)); }
