#include <gtest/gtest.h>
#include <ptest/markers.h>

#include <chrono>
#include <thread>

static void pause_ms(int ms) { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); }

TEST(Report, Builds) { pause_ms(20); }
TEST(Ui, LogsIn) { pause_ms(20); }
PTEST_MARK(Ui, LogsIn, db, smoke);
// The migrations must not overlap anything: SERIAL.
TEST(Migration, Up) { pause_ms(150); }
TEST(Migration, Down) { pause_ms(150); }

class Calc : public ::testing::TestWithParam<int> {};
TEST_P(Calc, Adds) { pause_ms(30); }
INSTANTIATE_TEST_SUITE_P(Many, Calc, ::testing::Range(0, 24));
PTEST_MARK(Calc, Adds, smoke);
