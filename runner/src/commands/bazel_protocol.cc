#include "commands/bazel_protocol.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

namespace ptest {

namespace {

const char* nonempty_variable(const char* name) {
  const char* value = std::getenv(name);
  return value && *value ? value : nullptr;
}

}  // namespace

void apply_bazel_environment(RunOptions& options) {
  if (const char* junit = nonempty_variable("XML_OUTPUT_FILE"); junit && options.junitxml.empty())
    options.junitxml = junit;
  if (const char* outputs = nonempty_variable("TEST_UNDECLARED_OUTPUTS_DIR"); outputs && options.report_json.empty())
    options.report_json = std::string(outputs) + "/ptest-report.json";
  if (const char* only = nonempty_variable("TESTBRIDGE_TEST_ONLY")) options.selection.id_patterns.emplace_back(only);
  // The scratch directories are made under TMPDIR.
  if (const char* tmpdir = nonempty_variable("TEST_TMPDIR")) ::setenv("TMPDIR", tmpdir, 1);
}

PrematureExitMarker::PrematureExitMarker() : path_(nonempty_variable("TEST_PREMATURE_EXIT_FILE")) {
  if (!path_) return;
  const int fd = ::open(path_, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
  if (fd >= 0) ::close(fd);
}

void PrematureExitMarker::clean_exit() {
  if (path_) ::unlink(path_);
}

}  // namespace ptest
