#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

namespace {

double rectangle_area(double width, double height) { return width * height; }
double square_perimeter(double side) { return 4 * side; }

}  // namespace

TEST_CASE("rectangle area, width times height", "[geometry][smoke]") { REQUIRE(rectangle_area(2, 3) == 6); }

TEST_CASE("square perimeter", "[geometry]") {
  SECTION("unit square") { REQUIRE(square_perimeter(1) == 4); }
  SECTION("zero") { REQUIRE(square_perimeter(0) == 0); }
}

// Hidden: listed, never run (as GoogleTest's DISABLED_).
TEST_CASE("areas of huge rectangles", "[.][slow]") { REQUIRE(rectangle_area(1e6, 1e6) == 1e12); }
