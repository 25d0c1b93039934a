// The ptest binary: `ptest [options] [PATTERN...]` runs tests;
// `ptest discover SPEC [SPEC_HASH]` is the build-time step of ptest_discover_tests(),
// `ptest exec --slots DIR -- COMMAND...` how CTest runs each case;
// `ptest plan` and `ptest merge` split a run over CI jobs and join it again;
// `ptest replay REPORT.json [--worker gwN]` runs a report's processes again.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "commands/bazel_protocol.h"
#include "commands/discover_command.h"
#include "commands/exec_command.h"
#include "commands/merge_command.h"
#include "commands/options.h"
#include "commands/plan_command.h"
#include "commands/replay_command.h"
#include "commands/run_command.h"
#include "model/errors.h"
#include "model/exit_status.h"

int main(int argc, char** argv) {
  using namespace ptest;
  std::vector<std::string> arguments(argv + 1, argv + argc);
  if (!arguments.empty() && arguments[0] == "exec")
    return exec_command(std::vector<std::string>(arguments.begin() + 1, arguments.end()));
  if (!arguments.empty() && arguments[0] == "discover") {
    // A third argument, the spec's hash, is there only to change the build
    // command when the spec changes; discovery does not need it.
    if (arguments.size() != 2 && arguments.size() != 3) {
      std::fprintf(stderr, "ptest: error: usage: ptest discover SPEC [SPEC_HASH]\n");
      return kExitUsageError;
    }
    return discover_command(arguments[1]);
  }
  // The build tree's ptest/ptest wrapper puts "--manifest M" first: plan
  // and replay take it after their name, merge needs no manifest.
  if (arguments.size() > 2 && arguments[0] == "--manifest" &&
      (arguments[2] == "plan" || arguments[2] == "merge" || arguments[2] == "replay")) {
    std::rotate(arguments.begin(), arguments.begin() + 2, arguments.begin() + 3);  // plan --manifest M ...
    if (arguments[0] == "merge") arguments.erase(arguments.begin() + 1, arguments.begin() + 3);
  }
  if (!arguments.empty() && arguments[0] == "replay")
    return replay_command(std::vector<std::string>(arguments.begin() + 1, arguments.end()));
  if (!arguments.empty() && arguments[0] == "plan")
    return plan_command(std::vector<std::string>(arguments.begin() + 1, arguments.end()));
  if (!arguments.empty() && arguments[0] == "merge")
    return merge_command(std::vector<std::string>(arguments.begin() + 1, arguments.end()));
  try {
    // PTEST_ADDOPTS comes first, so flags on the command line win.
    if (const char* addopts = std::getenv("PTEST_ADDOPTS")) {
      std::vector<std::string> extra = split_addopts(addopts);
      arguments.insert(arguments.begin(), extra.begin(), extra.end());
    }
    ParsedCommandLine parsed = parse_command_line(arguments);
    if (parsed.exit_now) return *parsed.exit_now;
    apply_bazel_environment(parsed.options);
    PrematureExitMarker premature_exit;
    const int status = run_command(parsed.options);
    premature_exit.clean_exit();
    return status;
  } catch (const UserError& error) {
    std::fprintf(stderr, "ptest: error: %s\n", error.what());
    return kExitUsageError;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "ptest: internal error: %s\n", error.what());
    return kExitInternalError;
  }
}
