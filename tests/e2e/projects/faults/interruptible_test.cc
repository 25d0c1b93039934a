#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>

namespace {

void write_pid(const char* variable) {
  if (const char* path = std::getenv(variable)) std::ofstream(path) << getpid() << "\n";
}

void log_signal(int signal) {
  if (const char* path = std::getenv("INTERRUPT_LOG")) {
    if (FILE* log = std::fopen(path, "a")) {
      std::fprintf(log, "%d\n", signal);
      std::fclose(log);
    }
  }
  _exit(0);
}

void sleep_forever() {
  for (;;) std::this_thread::sleep_for(std::chrono::seconds(1));
}

}  // namespace

TEST(Signals, LogsTheSignalAndExits) {
  std::signal(SIGTERM, log_signal);
  std::signal(SIGINT, log_signal);
  write_pid("CATCHER_PID_FILE");
  sleep_forever();
}

TEST(Signals, IgnoresTheSignal) {
  std::signal(SIGTERM, SIG_IGN);
  std::signal(SIGINT, SIG_IGN);
  write_pid("IGNORER_PID_FILE");
  sleep_forever();
}
