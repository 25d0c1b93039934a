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

#include "commands/options.h"
#include "commands/watched_case.h"
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
               "[--leak-result warn|fail] [--leak-timeout S] -- COMMAND [ARGUMENT...]\n");
  return kExitUsageError;
}

bool is_leak_flag(const std::string& flag) { return flag == "--leak-result" || flag == "--leak-timeout"; }

// The runner's leak flags, which ptest exec takes too. Returns why the
// value is bad, or "".
std::string apply_leak_flag(const std::string& flag, const std::string& value, WatchedCase& watched) {
  if (flag == "--leak-result") {
    if (value != "warn" && value != "fail")
      return "argument --leak-result: invalid choice '" + value + "': expected warn or fail";
    watched.leak_fails = value == "fail";
    return "";
  }
  char* end = nullptr;
  const double seconds = std::strtod(value.c_str(), &end);
  if (value.empty() || *end != '\0' || !(seconds >= 0)) return "argument --leak-timeout: expected seconds >= 0";
  watched.leak_timeout = seconds;
  return "";
}

// CTest's scripts name no leak flags: they come from PTEST_ADDOPTS, as for
// the runner (`--leak-result fail` or `--leak-result=fail`); its other
// flags are the runner's and mean nothing here.
std::string apply_addopts_leak_flags(WatchedCase& watched) {
  const char* addopts = std::getenv("PTEST_ADDOPTS");
  if (!addopts) return "";
  const std::vector<std::string> words = split_addopts(addopts);
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string flag = words[i], value;
    if (const std::size_t equals = flag.find('='); equals != std::string::npos) {
      value = flag.substr(equals + 1);
      flag.resize(equals);
    } else if (is_leak_flag(flag) && i + 1 < words.size()) {
      value = words[++i];
    }
    if (!is_leak_flag(flag)) continue;
    if (const std::string error = apply_leak_flag(flag, value, watched); !error.empty())
      return "PTEST_ADDOPTS: " + error;
  }
  return "";
}

}  // namespace

int exec_command(const std::vector<std::string>& arguments) {
  std::string slots;
  WatchedCase watched;
  bool fixture_setup = false;
  if (const std::string error = apply_addopts_leak_flags(watched); !error.empty()) {
    std::fprintf(stderr, "ptest: error: %s\n", error.c_str());
    return kExitUsageError;
  }
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
      fixture_setup = true;
    } else if (is_leak_flag(flag)) {
      if (const std::string error = apply_leak_flag(flag, value, watched); !error.empty()) {
        std::fprintf(stderr, "ptest: error: %s\n", error.c_str());
        return kExitUsageError;
      }
    } else {
      return usage();
    }
  }
  if (slots.empty() || i + 1 >= arguments.size()) return usage();
  ::mkdir(slots.c_str(), 0755);

  // The lock is held by the open descriptor until the case ends.
  int worker = 0, slot = -1;
  for (;; ++worker) {
    const std::string lock_path = slots + "/" + worker_name(worker) + ".lock";
    slot = ::open(lock_path.c_str(), O_RDWR | O_CREAT, 0644);
    if (slot < 0) {
      std::fprintf(stderr, "ptest: error: cannot open worker slot '%s': %s\n", lock_path.c_str(), std::strerror(errno));
      return kExitInternalError;
    }
    if (::flock(slot, LOCK_EX | LOCK_NB) == 0) break;
    ::close(slot);
  }
  const std::string tmpdir = slots + "/" + worker_name(worker);
  empty_directory(tmpdir);

  // Under ctest -j the number of parallel cases is not known here: the
  // count is the usable CPUs, or more when more slots are taken.
  const int count = std::max(usable_cpu_count(), worker + 1);
  const std::string testrun_uid = parent_run_uid();
  for (const auto& [name, value] : worker_variables({worker, count, testrun_uid, tmpdir}))
    ::setenv(name.c_str(), value.c_str(), 1);

  if (!fixture_setup) {
    // ptest exec outlives the case, so it alone holds the slot: a process
    // the case leaves behind cannot keep it taken.
    ::fcntl(slot, F_SETFD, FD_CLOEXEC);
    watched.command.assign(arguments.begin() + static_cast<std::ptrdiff_t>(i + 1), arguments.end());
    watched.worker = worker;
    watched.testrun_uid = testrun_uid;
    return run_watched_case(watched);
  }
  // A fixture's setup: what it starts (a server for the cases) is meant to
  // outlive it, so it is no leak; ptest exec becomes it, as it always did,
  // and the slot's descriptor stays open across exec.
  std::vector<char*> argv;
  for (std::size_t j = i + 1; j < arguments.size(); ++j) argv.push_back(const_cast<char*>(arguments[j].c_str()));
  argv.push_back(nullptr);
  ::execvp(argv[0], argv.data());  // a fixture's command may be a bare name, such as sh
  std::fprintf(stderr, "ptest: error: cannot start '%s': %s\n", argv[0], std::strerror(errno));
  return kExitInternalError;
}

}  // namespace ptest
