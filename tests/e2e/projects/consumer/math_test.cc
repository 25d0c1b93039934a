#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

TEST(Arith, Adds) { EXPECT_EQ(2 + 2, 4); }
TEST(Arith, SlowMultiplies) { EXPECT_EQ(6 * 7, 42); }
TEST(Strings, Concatenates) { EXPECT_EQ(std::string("a") + "b", "ab"); }
TEST(Strings, SeesWorkerEnvironment) {
  // The runner names the worker and a scratch directory of its own.
  const char* worker = std::getenv("PTEST_WORKER");
  const char* tmpdir = std::getenv("PTEST_TMPDIR");
  if (!worker) GTEST_SKIP() << "not under the ptest runner";
  EXPECT_EQ(std::string(worker).rfind("gw", 0), 0u);
  ASSERT_NE(tmpdir, nullptr);
  EXPECT_STREQ(std::getenv("TEST_TMPDIR"), tmpdir);
  EXPECT_NE(std::getenv("PTEST_TESTRUN_UID"), nullptr);
  EXPECT_NE(std::getenv("PTEST_WORKER_COUNT"), nullptr);
}

class Param : public ::testing::TestWithParam<int> {};
TEST_P(Param, Positive) { EXPECT_GT(GetParam(), 0); }
INSTANTIATE_TEST_SUITE_P(Gen, Param, ::testing::Values(1, 2, 3));

template <class T>
class Typed : public ::testing::Test {};
using Types = ::testing::Types<int, long>;
TYPED_TEST_SUITE(Typed, Types);
TYPED_TEST(Typed, DefaultIsZero) { EXPECT_EQ(TypeParam(), TypeParam(0)); }
