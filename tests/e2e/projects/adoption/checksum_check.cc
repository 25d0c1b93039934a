// A plain test that fails: its exit status is the outcome.
#include <cstdio>

int main() {
  std::puts("checksum mismatch: expected 0x2a, got 0x2b");
  return 3;
}
