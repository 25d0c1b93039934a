// A binary linked with GoogleTest whose own main() never calls
// RUN_ALL_TESTS: it answers --gtest_list_tests with nothing.
#include <gtest/gtest.h>

#include <cstdio>

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  std::puts("custom runner: 3 checks passed");
  return 0;
}
