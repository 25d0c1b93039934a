// A test with a main() of its own that ignores its arguments: not GoogleTest.
#include <cstdio>

int main() {
  std::puts("selfcheck: all invariants hold");
  return 0;
}
