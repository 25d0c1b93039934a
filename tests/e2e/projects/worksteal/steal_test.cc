#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace {
void sleep_ms(int ms) { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); }
}  // namespace

// First in the listing, so it is in the first worker's share and its first batch.
TEST(Long, Takes3s) { sleep_ms(3000); }

// Long enough that half of what is left is worth a process start to steal.
#define SHORT_CASE(n) \
  TEST(Short, Takes30ms##n) { sleep_ms(30); }

SHORT_CASE(00)
SHORT_CASE(01)
SHORT_CASE(02)
SHORT_CASE(03)
SHORT_CASE(04)
SHORT_CASE(05)
SHORT_CASE(06)
SHORT_CASE(07)
SHORT_CASE(08)
SHORT_CASE(09)
SHORT_CASE(10)
SHORT_CASE(11)
SHORT_CASE(12)
SHORT_CASE(13)
SHORT_CASE(14)
SHORT_CASE(15)
SHORT_CASE(16)
SHORT_CASE(17)
SHORT_CASE(18)
SHORT_CASE(19)
SHORT_CASE(20)
SHORT_CASE(21)
SHORT_CASE(22)
SHORT_CASE(23)
SHORT_CASE(24)
SHORT_CASE(25)
SHORT_CASE(26)
SHORT_CASE(27)
SHORT_CASE(28)
SHORT_CASE(29)
SHORT_CASE(30)
SHORT_CASE(31)
