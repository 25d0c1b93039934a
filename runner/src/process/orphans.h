// Descendants that outlive the process that started them. A daemon that
// double-forks and calls setsid() leaves its process group, so killing the
// group misses it; but once the runner is a child subreaper (Linux's
// PR_SET_CHILD_SUBREAPER), such a process is reparented to the runner
// instead of to init, and /proc shows it as the runner's child. Any child
// of the runner that it did not start itself is an orphan of one it did.
// Knows nothing of tests.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace ptest {

struct OrphanProcess {
  pid_t pid = 0;
  std::string command_line;  // /proc/PID/cmdline, arguments joined by spaces
};

// Makes the calling process a child subreaper. False where the system
// does not allow it: orphans then go to init and cannot be found.
bool become_child_subreaper();

// Where find_orphans() learns who is whose child. Linux lists each task's
// children in /proc/PID/task/TID/children (CONFIG_PROC_CHILDREN, in Debian's
// and most kernels): a file or two a look, where reading the stat of every
// process on the machine after each batch took hundreds of reads on a busy
// host. Kernels without those files get the stat of every process.
enum class ProcessListing { children_files, every_process };
ProcessListing available_process_listing();

// The living (not zombie) orphans reparented to this process, with every
// descendant of theirs, excluding the processes in `started` (the children
// it started itself) and their descendants. Reaps the zombie orphans it finds.
std::vector<OrphanProcess> find_orphans(const std::vector<pid_t>& started,
                                        ProcessListing listing = available_process_listing());

// The value of `name` in the process's environment, or "" (gone, not ours,
// or not set).
std::string process_environment_variable(pid_t pid, const std::string& name);

// SIGKILL to each, then reaps those that are this process's children.
void kill_orphans(const std::vector<OrphanProcess>& orphans);

}  // namespace ptest
