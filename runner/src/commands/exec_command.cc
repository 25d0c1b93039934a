#include "commands/exec_command.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "execution/env_file.h"
#include "execution/worker_env.h"
#include "model/exit_status.h"
#include "model/model.h"
#include "util/paths.h"
#include "util/cpu_count.h"

namespace ptest {

namespace {

// Empties a directory, keeping the directory itself.
void empty_directory(const std::string& dir) {
  remove_tree(dir);
  ::mkdir(dir.c_str(), 0700);
}

// One id per ctest run, the same for all its cases: ctest starts every case
// itself, so its process (identified by pid and start time, which survives
// pid reuse) names the run.
std::string parent_run_uid() {
  const pid_t parent = ::getppid();
  unsigned long long started = 0;
  if (std::FILE* stat = std::fopen(("/proc/" + std::to_string(parent) + "/stat").c_str(), "r")) {
    char text[1024] = {};
    const std::size_t length = std::fread(text, 1, sizeof text - 1, stat);
    std::fclose(stat);
    // Field 22 is the start time; the command name (field 2) may hold spaces, so count after its ')'.
    const char* field = std::strrchr(text, ')');
    for (int i = 2; field && i < 22 && field < text + length; ++i) field = std::strchr(field + 1, ' ');
    if (field) started = std::strtoull(field + 1, nullptr, 10);
  }
  char uid[40];
  std::snprintf(uid, sizeof uid, "%08x%016llx", static_cast<unsigned>(parent), started);
  return uid;
}

int usage() {
  std::fprintf(stderr,
               "ptest: error: usage: ptest exec --slots DIR [--env-file FILE]... [--new-env-file FILE] "
               "-- COMMAND [ARGUMENT...]\n");
  return kExitUsageError;
}

}  // namespace

int exec_command(const std::vector<std::string>& arguments) {
  std::string slots;
  std::size_t i = 0;
  for (; i < arguments.size() && arguments[i] != "--"; ++i) {
    const std::string& flag = arguments[i];
    if (i + 1 >= arguments.size()) return usage();
    const std::string& value = arguments[++i];
    if (flag == "--slots") {
      slots = value;
    } else if (flag == "--env-file") {
      for (const auto& [name, variable] : read_env_file(value)) ::setenv(name.c_str(), variable.c_str(), 1);
    } else if (flag == "--new-env-file") {
      // A fixture setup: it writes its exports to a file that starts empty.
      ::unlink(value.c_str());
      ::setenv("PTEST_ENV", value.c_str(), 1);
    } else {
      return usage();
    }
  }
  if (slots.empty() || i + 1 >= arguments.size()) return usage();
  ::mkdir(slots.c_str(), 0755);

  // The lock stays held by the open descriptor across exec, until the case ends.
  int worker = 0;
  for (;; ++worker) {
    const std::string lock_path = slots + "/" + worker_name(worker) + ".lock";
    const int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT, 0644);
    if (fd < 0) {
      std::fprintf(stderr, "ptest: error: cannot open worker slot '%s': %s\n", lock_path.c_str(), std::strerror(errno));
      return kExitInternalError;
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0) break;
    ::close(fd);
  }
  const std::string tmpdir = slots + "/" + worker_name(worker);
  empty_directory(tmpdir);

  // Under ctest -j the number of parallel cases is not known here: the
  // count is the usable CPUs, or more when more slots are taken.
  const int count = std::max(usable_cpu_count(), worker + 1);
  for (const auto& [name, value] : worker_variables({worker, count, parent_run_uid(), tmpdir}))
    ::setenv(name.c_str(), value.c_str(), 1);

  std::vector<char*> argv;
  for (std::size_t j = i + 1; j < arguments.size(); ++j) argv.push_back(const_cast<char*>(arguments[j].c_str()));
  argv.push_back(nullptr);
  ::execvp(argv[0], argv.data());  // a fixture's command may be a bare name, such as sh
  std::fprintf(stderr, "ptest: error: cannot start '%s': %s\n", argv[0], std::strerror(errno));
  return kExitInternalError;
}

}  // namespace ptest
