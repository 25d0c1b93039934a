#include "process/orphans.h"

#include <dirent.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>

namespace ptest {

namespace {

struct ProcessStatus {
  pid_t parent = 0;
  char state = '?';
};

// From /proc/PID/stat: the state and the parent, after the command name,
// which may hold spaces and parentheses.
bool read_status(pid_t pid, ProcessStatus& status) {
  std::ifstream file("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  const auto close = text.rfind(')');
  if (close == std::string::npos) return false;
  std::istringstream fields(text.substr(close + 1));
  fields >> status.state >> status.parent;
  return static_cast<bool>(fields);
}

std::map<pid_t, ProcessStatus> all_processes() {
  std::map<pid_t, ProcessStatus> processes;
  DIR* proc = ::opendir("/proc");
  if (!proc) return processes;
  while (const dirent* entry = ::readdir(proc)) {
    char* end = nullptr;
    const long pid = std::strtol(entry->d_name, &end, 10);
    ProcessStatus status;
    if (pid > 0 && *end == '\0' && read_status(static_cast<pid_t>(pid), status))
      processes.emplace(static_cast<pid_t>(pid), status);
  }
  ::closedir(proc);
  return processes;
}

// The bytes of a /proc file of `pid`, NULs included.
std::string read_proc_file(pid_t pid, const char* name) {
  std::ifstream file("/proc/" + std::to_string(pid) + "/" + name, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
}

std::string command_line(pid_t pid) {
  std::string text = read_proc_file(pid, "cmdline");
  while (!text.empty() && text.back() == '\0') text.pop_back();
  std::replace(text.begin(), text.end(), '\0', ' ');
  return text;
}

}  // namespace

bool become_child_subreaper() { return ::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0; }

namespace {

// Who is whose child, from either ProcessListing.
class ProcessTree {
 public:
  explicit ProcessTree(ProcessListing listing) : listed_(listing == ProcessListing::children_files) {
    if (!listed_) {
      for (const auto& [pid, status] : all_processes()) {
        states_[pid] = status.state;
        children_[status.parent].push_back(pid);
      }
    }
  }

  std::vector<pid_t> children(pid_t pid) const {
    if (!listed_) {
      const auto found = children_.find(pid);
      return found == children_.end() ? std::vector<pid_t>{} : found->second;
    }
    std::vector<pid_t> children;
    const std::string tasks = "/proc/" + std::to_string(pid) + "/task";
    DIR* dir = ::opendir(tasks.c_str());
    if (!dir) return children;  // gone meanwhile
    while (const dirent* entry = ::readdir(dir)) {
      if (entry->d_name[0] == '.') continue;
      std::ifstream file(tasks + "/" + entry->d_name + "/children");
      for (pid_t child; file >> child;) children.push_back(child);
    }
    ::closedir(dir);
    return children;
  }

  bool zombie_or_gone(pid_t pid) const {
    if (!listed_) {
      const auto found = states_.find(pid);
      return found == states_.end() || found->second == 'Z';
    }
    ProcessStatus status;
    return !read_status(pid, status) || status.state == 'Z';
  }

 private:
  bool listed_;
  std::map<pid_t, char> states_;
  std::map<pid_t, std::vector<pid_t>> children_;
};

}  // namespace

ProcessListing available_process_listing() {
  static const ProcessListing listing = [] {
    const std::string self = std::to_string(::getpid());
    return ::access(("/proc/" + self + "/task/" + self + "/children").c_str(), R_OK) == 0
               ? ProcessListing::children_files
               : ProcessListing::every_process;
  }();
  return listing;
}

std::vector<OrphanProcess> find_orphans(const std::vector<pid_t>& started, ProcessListing listing) {
  const ProcessTree tree(listing);
  const std::set<pid_t> own(started.begin(), started.end());
  std::vector<OrphanProcess> orphans;
  std::vector<pid_t> pending;
  for (pid_t child : tree.children(::getpid())) {
    if (own.count(child)) continue;
    if (tree.zombie_or_gone(child)) {
      ::waitpid(child, nullptr, WNOHANG);  // an orphan that died: nobody else reaps it
      continue;
    }
    pending.push_back(child);
  }
  while (!pending.empty()) {
    const pid_t pid = pending.back();
    pending.pop_back();
    if (tree.zombie_or_gone(pid)) continue;
    orphans.push_back({pid, command_line(pid)});
    for (pid_t child : tree.children(pid)) pending.push_back(child);
  }
  std::sort(orphans.begin(), orphans.end(),
            [](const OrphanProcess& a, const OrphanProcess& b) { return a.pid < b.pid; });
  return orphans;
}

std::string process_environment_variable(pid_t pid, const std::string& name) {
  const std::string environment = read_proc_file(pid, "environ");
  const std::string prefix = name + "=";
  std::size_t at = 0;
  while (at < environment.size()) {
    std::size_t end = environment.find('\0', at);
    if (end == std::string::npos) end = environment.size();
    if (environment.compare(at, prefix.size(), prefix) == 0)
      return environment.substr(at + prefix.size(), end - at - prefix.size());
    at = end + 1;
  }
  return "";
}

void kill_orphans(const std::vector<OrphanProcess>& orphans) {
  for (const OrphanProcess& orphan : orphans) ::kill(orphan.pid, SIGKILL);
  const pid_t self = ::getpid();
  for (const OrphanProcess& orphan : orphans) {
    ProcessStatus status;
    if (read_status(orphan.pid, status) && status.parent == self)
      while (::waitpid(orphan.pid, nullptr, 0) < 0 && errno == EINTR) {
      }
  }
}

}  // namespace ptest
