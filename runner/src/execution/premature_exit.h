// GoogleTest's premature-exit protocol, as Bazel defines it: a binary given
// TEST_PREMATURE_EXIT_FILE creates that file when it starts running its
// cases and removes it when RUN_ALL_TESTS() ends normally. A process that
// ends, even with status 0, while the file is still there left before
// GoogleTest finished: `exit(0)` in a TearDownTestSuite or in a global
// environment's TearDown, `_exit(0)` after its last case.
//
// The runner's own TEST_PREMATURE_EXIT_FILE (under Bazel, bazel_protocol)
// means the runner's exit, not a child's: case_environment() never passes
// it on, and every GoogleTest process gets a path of the worker's instead.
#pragma once

#include <string>

namespace ptest {

inline constexpr const char* kPrematureExitVariable = "TEST_PREMATURE_EXIT_FILE";
inline constexpr const char* kPrematureExitMessage = "the process exited before GoogleTest finished";

// The file a worker's GoogleTest processes are given, in its scratch directory.
std::string premature_exit_file(const std::string& worker_tmpdir);

// Whether the file is there; removes it, so that the worker's next process
// starts without it.
bool take_premature_exit_file(const std::string& path);

}  // namespace ptest
