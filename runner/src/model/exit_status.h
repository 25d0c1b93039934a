// The runner's exit statuses, pytest's numbers.
#pragma once

namespace ptest {

enum ExitStatus : int {
  kExitOk = 0,            // every selected case passed (or was skipped)
  kExitTestsFailed = 1,   // some case failed, crashed or timed out
  kExitInterrupted = 2,   // Ctrl-C or SIGTERM
  kExitInternalError = 3, // the runner itself failed
  kExitUsageError = 4,    // bad flag, bad expression, unreadable manifest
  kExitNoTests = 5,       // the selection is empty
};

}  // namespace ptest
