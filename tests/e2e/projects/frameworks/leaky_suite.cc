#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <cstdlib>

TEST_CASE("clean") { CHECK(1 + 1 == 2); }
TEST_CASE("leaks") {
  volatile char* lost = static_cast<char*>(std::malloc(4096));
  lost[0] = 1;
  lost = nullptr;
  CHECK(true);
}
