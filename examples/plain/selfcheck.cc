// A program that checks itself: exit status 0 is a pass, 77 "not here".
#include <cstdio>
#include <cstring>

int main(int argc, char** argv) {
  bool verbose = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--gpu") == 0) {
      std::puts("no GPU on this machine");
      return 77;
    }
    verbose = verbose || std::strcmp(argv[i], "--verbose") == 0;
  }
  const int sum = 2 + 2;
  if (verbose) std::printf("2 + 2 = %d\n", sum);
  return sum == 4 ? 0 : 1;
}
