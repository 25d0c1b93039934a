#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace {
void sleep_ms(int ms) { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); }
}  // namespace

TEST(Timing, Quick) {}
TEST(Timing, Takes200ms) { sleep_ms(200); }
TEST(Timing, Takes400ms) { sleep_ms(400); }
TEST(Timing, Takes1500ms) { sleep_ms(1500); }
TEST(Other, Quick) {}
