#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <thread>

TEST_SUITE("arithmetic") {
  TEST_CASE("good adds, with a comma") { CHECK(1 + 1 == 2); }
  TEST_CASE("bad fails") { CHECK(1 + 1 == 3); }
}
TEST_CASE("bad crashes") { std::abort(); }
TEST_CASE("bad hangs") { std::this_thread::sleep_for(std::chrono::seconds(30)); }
TEST_CASE("bad skips" * doctest::skip()) { FAIL("skipped cases never run"); }
