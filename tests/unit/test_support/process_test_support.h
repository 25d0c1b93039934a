// What the tests of the process layer share: a scratch directory for
// scripts, `sh -c` commands, and checks that a test left no child process
// and no file descriptor behind.
#pragma once

#include <dirent.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>

#include "process/process.h"

namespace ptest::testing {

class ScratchDir {
 public:
  ScratchDir() {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/ptest-process-test-XXXXXX";
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::string& path() const { return path_; }

  // An executable script `name` with `text` after a #!/bin/sh line.
  std::string script(const std::string& name, const std::string& text) const {
    const std::string file = path_ + "/" + name;
    std::ofstream(file) << "#!/bin/sh\n" << text;
    ::chmod(file.c_str(), 0755);
    return file;
  }

 private:
  std::string path_;
};

inline const std::vector<std::string>& test_environment() {
  static const std::vector<std::string> environment{"PATH=/usr/bin:/bin"};
  return environment;
}

inline Command sh(const std::string& script) {
  Command command;
  command.argv = {"/bin/sh", "-c", "ulimit -c 0; " + script};
  command.environment = test_environment();
  return command;
}

inline int open_fd_count() {
  int count = 0;
  if (DIR* dir = ::opendir("/proc/self/fd")) {
    while (const dirent* entry = ::readdir(dir))
      if (entry->d_name[0] != '.') ++count;
    ::closedir(dir);
  }
  return count - 1;  // the directory's own
}

// No child of the test process is left, running or a zombie.
inline bool no_children_left() { return ::waitpid(-1, nullptr, WNOHANG) == -1 && errno == ECHILD; }

// Whether `pid` ends (or is a zombie, which is gone in all but name)
// within a bound generous enough never to decide a test on a slow machine.
inline bool ends_soon(pid_t pid) {
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < give_up) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string text;
    if (!std::getline(stat, text)) return true;
    const auto paren = text.rfind(')');
    if (paren != std::string::npos && text.compare(paren + 1, 2, " Z") == 0) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

// The number on the line of `output` that starts with `tag`, or -1.
inline pid_t number_after(const std::string& output, const std::string& tag) {
  const auto at = output.find(tag);
  if (at == std::string::npos) return -1;
  return static_cast<pid_t>(std::atol(output.c_str() + at + tag.size()));
}

}  // namespace ptest::testing
