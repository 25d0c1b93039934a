// Runs a check in a forked child that is a child subreaper, so that the
// test process itself never becomes one (orphans would then come back to
// it and upset the checks of other tests that it leaves no child behind).
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <functional>

#include "process/orphans.h"

namespace ptest::testing {

// True when `check` returned true in the child; false if it returned false,
// or the child could not be a subreaper or died.
inline bool passes_in_a_subreaper(const std::function<bool()>& check) {
  std::fflush(nullptr);
  const pid_t child = ::fork();
  if (child == 0) {
    const bool passed = become_child_subreaper() && check();
    std::fflush(nullptr);
    ::_exit(passed ? 0 : 1);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace ptest::testing
