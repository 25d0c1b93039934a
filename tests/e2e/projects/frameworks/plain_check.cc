// A plain test executable: what it does is its first argument.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>

int main(int argc, char** argv) {
  const char* what = argc > 1 ? argv[1] : "pass";
  std::printf("plain_check %s\n", what);
  if (!std::strcmp(what, "fail")) return 1;
  if (!std::strcmp(what, "crash")) std::abort();
  if (!std::strcmp(what, "skip")) return 77;
  if (!std::strcmp(what, "hang")) std::this_thread::sleep_for(std::chrono::seconds(30));
  return 0;
}
