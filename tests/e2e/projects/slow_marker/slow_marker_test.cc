#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace {
void sleep_ms(int ms) { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); }
}  // namespace

TEST(Integration, Takes1500ms) { sleep_ms(1500); }
TEST(Unit, Takes1500ms) { sleep_ms(1500); }
