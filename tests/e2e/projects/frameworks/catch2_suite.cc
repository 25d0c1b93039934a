#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <cstdlib>
#include <thread>

TEST_CASE("good: adds, with [brackets] and commas", "[smoke][math]") { REQUIRE(1 + 1 == 2); }
TEST_CASE("good: a second one", "[smoke]") { REQUIRE(2 * 2 == 4); }
TEST_CASE("bad: fails", "[faults]") { CHECK(1 + 1 == 3); }
TEST_CASE("bad: crashes", "[faults]") { std::abort(); }
TEST_CASE("bad: hangs", "[faults]") { std::this_thread::sleep_for(std::chrono::seconds(30)); }
TEST_CASE("bad: hidden", "[.][faults]") { FAIL("hidden cases never run"); }
