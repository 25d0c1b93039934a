// How `ptest exec` runs a case under CTest so that what the case leaves
// running is found as in a run (docs/runner.md#leaked-processes): instead
// of becoming the case's command, it stays as its parent, a child
// subreaper, runs the command in a process group of its own, kills that
// group when the command ends, and then reports (`LEAK pid N (command),
// killed` on stderr) and kills the orphans that came back to it.
#pragma once

#include <string>
#include <vector>

namespace ptest {

struct WatchedCase {
  std::vector<std::string> command;  // what to run, looked up in PATH
  int worker = 0;                    // its PTEST_WORKER, gwN: whose orphans are its
  std::string testrun_uid;           // its PTEST_TESTRUN_UID
  double leak_timeout = 0.1;         // --leak-timeout
  bool leak_fails = false;           // --leak-result fail
};

// Runs the case to its end (SIGINT, SIGTERM, SIGHUP and SIGQUIT passed on
// to it) and returns the status for ptest exec to exit with: the command's,
// or 1 when it exited 0 and leaked with `leak_fails`. A command killed by a
// signal makes ptest exec die of the same, so that CTest reports it as it
// would the command's own.
int run_watched_case(const WatchedCase& watched);

}  // namespace ptest
