// Bazel's test protocol, so that ptest can be the test of an `sh_test`
// (with `shard_count = N`, under --shard auto) and run on remote execution.
// Each variable is Bazel's own name; none is set outside a Bazel test.
#pragma once

#include "commands/options.h"

namespace ptest {

// Applies what Bazel asks of a test to the run's options:
// XML_OUTPUT_FILE: the JUnit XML, unless --junitxml names one;
// TEST_UNDECLARED_OUTPUTS_DIR: the JSON report (ptest-report.json) there, unless --report-json names one;
// TESTBRIDGE_TEST_ONLY (bazel test --test_filter): a pattern on case ids;
// TEST_TMPDIR: the workers' scratch directories under it.
void apply_bazel_environment(RunOptions& options);

// TEST_PREMATURE_EXIT_FILE: exists while the run is under way, so a runner
// that dies (killed, crashed) is told from one that exited cleanly.
class PrematureExitMarker {
 public:
  PrematureExitMarker();
  void clean_exit();  // removes the file

 private:
  const char* path_;
};

}  // namespace ptest
