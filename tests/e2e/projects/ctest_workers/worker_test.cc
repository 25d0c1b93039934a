#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>

static long long now_us() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

static std::string variable(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "-";
}

// Logs "worker uid tmpdir start stop", one line, written at once.
class Logged : public ::testing::TestWithParam<int> {};
TEST_P(Logged, Works) {
  const long long start = now_us();
  std::ofstream(variable("PTEST_TMPDIR") + "/scratch.txt") << GetParam();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const std::string line = variable("PTEST_WORKER") + " " + variable("PTEST_TESTRUN_UID") + " " +
                           variable("PTEST_TMPDIR") + " " + variable("PTEST_WORKER_COUNT") + " " +
                           std::to_string(start) + " " + std::to_string(now_us()) + "\n";
  if (FILE* log = std::fopen(std::getenv("WORKER_LOG"), "a")) {
    std::fputs(line.c_str(), log);
    std::fclose(log);
  }
}
INSTANTIATE_TEST_SUITE_P(Eight, Logged, ::testing::Range(0, 8));
