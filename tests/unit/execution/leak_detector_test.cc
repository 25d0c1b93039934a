// Leaks through the ProcessExecutor, with real processes, in a child that
// is a subreaper (subreaper_child.h): a daemon a case leaves behind is
// reported on that case and killed; a child of the process group is not a
// leak, since the group's kill ends it.
#include "execution/leak_detector.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <variant>

#include "execution/process_executor.h"
#include "test_support/builders.h"
#include "test_support/process_test_support.h"
#include "test_support/subreaper_child.h"

using namespace ptest;
using ptest::testing::make_case;
using ptest::testing::passes_in_a_subreaper;

namespace {

bool report(bool passed, const std::string& what) {
  if (!passed) std::fprintf(stderr, "failed: %s\n", what.c_str());
  return passed;
}

// The result of one plain case that runs `script` with leak detection on.
CaseResult run_plain(const std::string& script, bool leaks_fail) {
  Manifest manifest;
  Target target;
  target.name = "plain";
  target.executable = "/bin/sh";
  target.arguments = {"-c", script};
  target.framework = Framework::plain;
  target.working_directory = "/";
  manifest.targets.push_back(target);
  manifest.cases.push_back(make_case("plain", "Plain"));
  ProcessExecutorOptions options;
  options.base_environment = ptest::testing::test_environment();
  options.testrun_uid = "uid";
  options.leaks = LeakOptions{true, 0.1, leaks_fail, "uid"};
  ProcessExecutor executor(manifest, options);
  Batch batch;
  batch.cases = {0};
  executor.start(batch);
  CaseResult result;
  for (bool finished = false; !finished;)
    for (ExecutorEvent& event : executor.wait()) {
      if (auto* done = std::get_if<CaseFinished>(&event)) result = done->result;
      finished = finished || std::holds_alternative<BatchFinished>(event);
    }
  return result;
}

// The shell waits until the daemon is in a session of its own: if it ended
// first, the kill of its process group could end the daemon too.
constexpr const char* kDaemon =
    "marker=$(mktemp -u); setsid sh -c 'touch \"$0\"; exec sleep 300' \"$marker\" </dev/null >/dev/null 2>&1 &\n"
    "while [ ! -e \"$marker\" ]; do sleep 0.01; done; rm -f \"$marker\"";

TEST(LeakDetector, ADaemonACaseLeftIsReportedOnItAndKilled) {
  EXPECT_TRUE(passes_in_a_subreaper([] {
    const CaseResult result = run_plain(kDaemon, false);
    return report(result.outcome == Outcome::passed, "it still passes, with a warning") &&
           report(result.leaks.size() == 1, "one leak") &&
           report(result.leaks[0].command_line.find("sleep 300") != std::string::npos, result.leaks[0].command_line) &&
           report(find_orphans({}).empty(), "it was killed") &&
           report(::waitpid(-1, nullptr, WNOHANG) == -1, "and reaped");
  }));
}

TEST(LeakDetector, WithLeakResultFailALeakFailsAPassedCase) {
  EXPECT_TRUE(passes_in_a_subreaper([] {
    const CaseResult result = run_plain(kDaemon, true);
    return report(result.outcome == Outcome::failed, "failed") &&
           report(result.message.rfind("leaked 1 process: pid ", 0) == 0, result.message) &&
           report(result.message.find("sleep 300)") != std::string::npos, result.message);
  }));
}

TEST(LeakDetector, AChildOfTheProcessGroupIsKilledWithItAndIsNoLeak) {
  EXPECT_TRUE(passes_in_a_subreaper([] {
    const CaseResult result = run_plain("sleep 300 </dev/null >/dev/null 2>&1 & exit 0", true);
    return report(result.outcome == Outcome::passed, result.message) && report(result.leaks.empty(), "no leak") &&
           report(find_orphans({}).empty(), "nothing left");
  }));
}

TEST(LeakDetector, DescribesTheLeaksByPidAndCommandLine) {
  EXPECT_EQ(describe_leaks({{12, "sleep 300"}, {13, "daemon --fork"}}),
            "leaked 2 processes: pid 12 (sleep 300), pid 13 (daemon --fork)");
}

}  // namespace
