// ProcessExecutor through the Executor interface, with real processes: a
// shell script that plays a GoogleTest binary, and plain targets that are
// /bin/sh with arguments.
#include "execution/process_executor.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <fstream>
#include <map>
#include <variant>

#include "test_support/process_test_support.h"
#include "test_support.h"

using namespace ptest;
using ptest::testing::ends_soon;
using ptest::testing::make_case;
using ptest::testing::no_children_left;
using ptest::testing::number_after;
using ptest::testing::open_fd_count;
using ptest::testing::ScratchDir;

namespace {

// Runs the cases --gtest_filter names, in order, printing what GoogleTest
// prints; each does what the end of its name says. A `Suite.*` pattern
// stands for the suite's cases in the registry file beside the script (the
// manifest's names, one a line), as GoogleTest's registry would.
constexpr const char* kFakeGtest = R"sh(ulimit -c 0
filter=${1#--gtest_filter=}
echo "Running main() from the fake"
[ -z "$TEST_PREMATURE_EXIT_FILE" ] || : > "$TEST_PREMATURE_EXIT_FILE"
names=""
IFS=:
for pattern in $filter; do
  case $pattern in
    *'.*') while IFS= read -r known; do
             case $known in "${pattern%'*'}"*) names="$names:$known" ;; esac
           done < "$(dirname "$0")/registry" ;;
    *) names="$names:$pattern" ;;
  esac
done
for name in $names; do
  [ -n "$name" ] || continue
  case $name in *.IgnoresTerm) trap '' TERM INT ;; esac
  echo "[ RUN      ] $name"
  case $name in
    *.Passes) echo "output of $name"; echo "[       OK ] $name (1 ms)" ;;
    *.Fails) echo "expected 1, got 2"; echo "[  FAILED  ] $name (0 ms)" ;;
    *.Skips) echo "[  SKIPPED ] $name (0 ms)" ;;
    *.Crashes) echo "about to crash"; kill -SEGV $$ ;;
    *.ExitsEarly) exit 0 ;;
    *.ExitsEarlyWithoutTheFile) rm -f "$TEST_PREMATURE_EXIT_FILE"; exit 0 ;;
    *.PassesThenExitsZero) echo "[       OK ] $name (0 ms)"; exit 0 ;;
    *.PrintsItsExitFile) echo "file=$TEST_PREMATURE_EXIT_FILE"; echo "[       OK ] $name (0 ms)" ;;
    *.Hangs|*.IgnoresTerm) sleep 30 ;;
    *.LeaksAChild) sleep 300 & echo "grandchild $!"; echo "[       OK ] $name (0 ms)" ;;
    *.SaysZeroMsAfterAPause) sleep 0.2; echo "[       OK ] $name (0 ms)" ;;
    *.PrintsNoTime) sleep 0.2; echo "[       OK ] $name" ;;
  esac
done
rm -f "$TEST_PREMATURE_EXIT_FILE"
)sh";

// A binary that dies before it runs any case, as one missing a library would.
constexpr const char* kBrokenGtest = "echo 'error while loading shared libraries'\nexit 127\n";

class ProcessExecutorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fds_ = open_fd_count();
    manifest_.targets.push_back(gtest_target("fake", dir_.script("fake_gtest", kFakeGtest)));
    manifest_.targets.push_back(gtest_target("broken", dir_.script("broken_gtest", kBrokenGtest)));
  }
  void TearDown() override {
    executor_.reset();
    EXPECT_EQ(open_fd_count(), fds_) << "a file descriptor was left open";
    EXPECT_TRUE(no_children_left()) << "a child was left running or unreaped";
  }

  static Target gtest_target(const std::string& name, const std::string& executable) {
    Target target;
    target.name = name;
    target.executable = executable;
    target.working_directory = "/";
    return target;
  }

  // A plain target that runs `script` with /bin/sh, and its one case.
  std::size_t plain_case(const std::string& name, const std::string& script, double timeout = 0) {
    Target target;
    target.name = name;
    target.executable = "/bin/sh";
    target.arguments = {"-c", "ulimit -c 0; " + script, name};
    target.framework = Framework::plain;
    manifest_.targets.push_back(target);
    return add_case(name, "Plain", manifest_.targets.size() - 1, timeout);
  }

  std::size_t add_case(const std::string& suite, const std::string& test, std::size_t target, double timeout = 0) {
    TestCase test_case = make_case(suite, test, target);
    test_case.timeout = timeout;
    manifest_.cases.push_back(test_case);
    return manifest_.cases.size() - 1;
  }

  std::size_t fake_case(const std::string& test, double timeout = 0) { return add_case("Fake", test, 0, timeout); }

  Executor& executor() {
    if (!executor_) {
      std::ofstream registry(dir_.path() + "/registry");
      for (const TestCase& test_case : manifest_.cases) registry << test_case.name << "\n";
      ProcessExecutorOptions options;
      options.worker_count = 2;
      options.base_environment = ptest::testing::test_environment();
      options.base_environment.push_back("GTEST_FILTER=NotThis.*");  // the runner's filter wins
      options.base_environment.push_back("TEST_PREMATURE_EXIT_FILE=/the/runner's/own");  // as under Bazel
      options.testrun_uid = "uid";
      options.worker_tmpdirs = {dir_.path(), dir_.path()};
      options.output_limit = output_limit_;
      options.tick_period = tick_period_;
      executor_ = std::make_unique<ProcessExecutor>(manifest_, options);
    }
    return *executor_;
  }

  Batch batch(std::size_t target, std::vector<std::size_t> cases, int worker = 0) {
    Batch batch;
    batch.worker = worker;
    batch.target = target;
    batch.cases = std::move(cases);
    return batch;
  }

  // The events of the batch's run, up to and including its BatchFinished.
  std::vector<ExecutorEvent> run(const Batch& batch) {
    executor().start(batch);
    return events_until_finished(batch.worker);
  }

  std::vector<ExecutorEvent> events_until_finished(int worker) {
    std::vector<ExecutorEvent> events;
    for (;;)
      for (ExecutorEvent& event : executor().wait()) {
        events.push_back(event);
        if (auto* finished = std::get_if<BatchFinished>(&event); finished && finished->worker == worker)
          return events;
      }
  }

  std::size_t output_limit_ = 1024 * 1024;
  double tick_period_ = 0;
  ScratchDir dir_;
  Manifest manifest_;

 private:
  int fds_ = 0;
  std::unique_ptr<ProcessExecutor> executor_;
};

std::vector<std::size_t> started(const std::vector<ExecutorEvent>& events) {
  std::vector<std::size_t> cases;
  for (const ExecutorEvent& event : events)
    if (auto* start = std::get_if<CaseStarted>(&event)) cases.push_back(start->case_index);
  return cases;
}

std::map<std::size_t, CaseResult> results(const std::vector<ExecutorEvent>& events) {
  std::map<std::size_t, CaseResult> by_case;
  for (const ExecutorEvent& event : events)
    if (auto* done = std::get_if<CaseFinished>(&event)) by_case[done->result.case_index] = done->result;
  return by_case;
}

const BatchFinished& batch_finished(const std::vector<ExecutorEvent>& events) {
  return std::get<BatchFinished>(events.back());
}

TEST_F(ProcessExecutorTest, GtestCasesGetTheirOwnOutcomesAndOutput) {
  const std::size_t passes = fake_case("Passes"), fails = fake_case("Fails"), skips = fake_case("Skips");
  const auto events = run(batch(0, {passes, fails, skips}));
  EXPECT_EQ(started(events), (std::vector<std::size_t>{passes, fails, skips}));
  auto by_case = results(events);
  ASSERT_EQ(by_case.size(), 3u);
  EXPECT_EQ(by_case[passes].outcome, Outcome::passed);
  EXPECT_EQ(by_case[passes].output, "output of Fake.Passes\n");
  EXPECT_EQ(by_case[fails].outcome, Outcome::failed);
  EXPECT_EQ(by_case[fails].output, "expected 1, got 2\n");
  EXPECT_EQ(by_case[skips].outcome, Outcome::skipped);
  for (auto& [index, result] : by_case) {
    EXPECT_EQ(result.worker, 0);
    EXPECT_LE(result.start, result.stop);
  }
  // A worker's cases never overlap.
  EXPECT_LE(by_case[passes].stop, by_case[fails].start);
  EXPECT_LE(by_case[fails].stop, by_case[skips].start);
  EXPECT_TRUE(batch_finished(events).not_started.empty());
  EXPECT_FALSE(batch_finished(events).process_died);
}

// The lines of one case, read 200 ms apart, while GoogleTest counted 0 ms:
// its count, which truncates, bounds the duration, so that how often the
// runner reads does not make a trivial case look long.
TEST_F(ProcessExecutorTest, AGtestCaseLastsNoLongerThanItsOwnCountAllows) {
  const std::size_t paused = fake_case("SaysZeroMsAfterAPause");
  const auto by_case = results(run(batch(0, {paused})));
  ASSERT_EQ(by_case.count(paused), 1u);
  EXPECT_LE(by_case.at(paused).stop - by_case.at(paused).start, 0.001 + 1e-9);
}

// With --gtest_print_time=0 there is no count: the runner's clock stands.
TEST_F(ProcessExecutorTest, AGtestCaseWithoutACountIsTimedByTheRunnersClock) {
  const std::size_t untimed = fake_case("PrintsNoTime");
  const auto by_case = results(run(batch(0, {untimed})));
  ASSERT_EQ(by_case.count(untimed), 1u);
  EXPECT_GE(by_case.at(untimed).stop - by_case.at(untimed).start, 0.2);
}

TEST_F(ProcessExecutorTest, ACrashMidBatchFailsTheRunningCaseAndGivesBackTheRest) {
  const std::size_t first = fake_case("Passes"), crash = fake_case("Crashes"), last = add_case("Later", "Passes", 0);
  const auto events = run(batch(0, {first, crash, last}));
  auto by_case = results(events);
  EXPECT_EQ(by_case[first].outcome, Outcome::passed);
  EXPECT_EQ(by_case[crash].outcome, Outcome::crashed);
  EXPECT_NE(by_case[crash].message.find("SIGSEGV"), std::string::npos) << by_case[crash].message;
  EXPECT_EQ(by_case[crash].output, "about to crash\n");
  EXPECT_EQ(by_case.count(last), 0u);
  EXPECT_EQ(batch_finished(events).not_started, std::vector<std::size_t>{last});
  EXPECT_TRUE(batch_finished(events).process_died);
}

TEST_F(ProcessExecutorTest, AnEarlyExitIsAPrematureExit) {
  const std::size_t exits = fake_case("ExitsEarlyWithoutTheFile"), next = fake_case("Passes");
  const auto events = run(batch(0, {exits, next}));
  auto by_case = results(events);
  EXPECT_EQ(by_case[exits].outcome, Outcome::failed);
  EXPECT_NE(by_case[exits].message.find("premature exit"), std::string::npos) << by_case[exits].message;
  EXPECT_EQ(batch_finished(events).not_started, std::vector<std::size_t>{next});
  EXPECT_TRUE(batch_finished(events).process_died);
}

// GoogleTest's premature-exit file still there when the process ends, with
// status 0, mid-case: the case crashed, and the rest run again.
TEST_F(ProcessExecutorTest, AnExitMidCaseThatLeavesThePrematureExitFileIsACrash) {
  const std::size_t exits = fake_case("ExitsEarly"), next = fake_case("Passes");
  const auto events = run(batch(0, {exits, next}));
  auto by_case = results(events);
  EXPECT_EQ(by_case[exits].outcome, Outcome::crashed);
  EXPECT_EQ(by_case[exits].message, "the process exited before GoogleTest finished (the test process exited with status 0)");
  EXPECT_EQ(batch_finished(events).not_started, std::vector<std::size_t>{next});
  EXPECT_TRUE(batch_finished(events).process_died);
}

// exit(0) after a case reported OK (in a TearDownTestSuite, a global
// environment's TearDown): that last case crashed, the one before keeps its
// outcome, the one not begun runs again.
TEST_F(ProcessExecutorTest, AnExitAfterACaseFailsThatCaseAsCrashedAndKeepsTheOnesBefore) {
  const std::size_t first = fake_case("Passes"), exits = fake_case("PassesThenExitsZero"), next = fake_case("Skips");
  const auto events = run(batch(0, {first, exits, next}));
  auto by_case = results(events);
  ASSERT_EQ(by_case.size(), 2u);
  EXPECT_EQ(by_case[first].outcome, Outcome::passed);
  EXPECT_EQ(by_case[exits].outcome, Outcome::crashed);
  EXPECT_EQ(by_case[exits].message, "the process exited before GoogleTest finished (the test process exited with status 0)");
  EXPECT_EQ(batch_finished(events).not_started, std::vector<std::size_t>{next});
  EXPECT_TRUE(batch_finished(events).process_died);
}

// A process that finished normally removed the file: nothing is held back
// for good, and the runner's own TEST_PREMATURE_EXIT_FILE never reaches it.
TEST_F(ProcessExecutorTest, EachGtestProcessGetsTheWorkersPrematureExitFileNotTheRunners) {
  const std::size_t prints = fake_case("PrintsItsExitFile");
  const auto events = run(batch(0, {prints}, 1));
  auto by_case = results(events);
  EXPECT_EQ(by_case[prints].outcome, Outcome::passed);
  EXPECT_EQ(by_case[prints].output, "file=" + dir_.path() + "/.ptest-premature-exit\n");
  EXPECT_FALSE(batch_finished(events).process_died);
  EXPECT_NE(::access((dir_.path() + "/.ptest-premature-exit").c_str(), F_OK), 0) << "the file was left behind";
}

TEST_F(ProcessExecutorTest, AProcessThatRanNoneOfItsCasesFailsThemAllWithoutRetry) {
  const std::size_t a = add_case("Broken", "A", 1), b = add_case("Broken", "B", 1);
  const auto events = run(batch(1, {a, b}));
  EXPECT_TRUE(started(events).empty());
  auto by_case = results(events);
  for (std::size_t index : {a, b}) {
    EXPECT_EQ(by_case[index].outcome, Outcome::failed);
    EXPECT_NE(by_case[index].message.find("exited with status 127 without running this case"), std::string::npos)
        << by_case[index].message;
    EXPECT_NE(by_case[index].output.find("error while loading shared libraries"), std::string::npos);
  }
  EXPECT_TRUE(batch_finished(events).not_started.empty());
  EXPECT_FALSE(batch_finished(events).process_died);
}

TEST_F(ProcessExecutorTest, ACaseThatPassesItsTimeoutTimesOutAndItsGroupIsKilled) {
  const std::size_t hangs = fake_case("Hangs", 0.2), next = fake_case("Passes");
  const auto events = run(batch(0, {hangs, next}));
  auto by_case = results(events);
  EXPECT_EQ(by_case[hangs].outcome, Outcome::timeout);
  EXPECT_EQ(by_case[hangs].message, "timed out after 0.2s; its process group was killed");
  EXPECT_EQ(batch_finished(events).not_started, std::vector<std::size_t>{next});
  EXPECT_TRUE(batch_finished(events).process_died);
}

TEST_F(ProcessExecutorTest, AGrandchildHoldingThePipeDoesNotHoldUpTheBatchNorOutliveIt) {
  const std::size_t leaks = fake_case("LeaksAChild"), next = fake_case("Passes");
  const auto events = run(batch(0, {leaks, next}));
  auto by_case = results(events);
  EXPECT_EQ(by_case[leaks].outcome, Outcome::passed);
  EXPECT_EQ(by_case[next].outcome, Outcome::passed);
  const pid_t grandchild = number_after(by_case[leaks].output, "grandchild ");
  ASSERT_GT(grandchild, 0) << by_case[leaks].output;
  EXPECT_TRUE(ends_soon(grandchild));
}

TEST_F(ProcessExecutorTest, ABinaryThatCannotStartFailsItsCases) {
  manifest_.targets.push_back(gtest_target("missing", dir_.path() + "/no-such-binary"));
  const std::size_t a = add_case("Missing", "A", 2);
  const auto events = run(batch(2, {a}));
  auto by_case = results(events);
  EXPECT_EQ(by_case[a].outcome, Outcome::failed);
  EXPECT_NE(by_case[a].message.find("cannot start"), std::string::npos) << by_case[a].message;
  EXPECT_FALSE(batch_finished(events).process_died);
}

TEST_F(ProcessExecutorTest, BatchesOfTwoWorkersRunSideBySide) {
  const std::size_t a = fake_case("Passes"), b = add_case("Other", "Passes", 0);
  executor().start(batch(0, {a}, 0));
  executor().start(batch(0, {b}, 1));
  std::map<int, bool> finished;
  std::map<std::size_t, CaseResult> by_case;
  while (finished.size() < 2)
    for (ExecutorEvent& event : executor().wait()) {
      if (auto* done = std::get_if<BatchFinished>(&event)) finished[done->worker] = true;
      if (auto* done = std::get_if<CaseFinished>(&event)) by_case[done->result.case_index] = done->result;
    }
  EXPECT_EQ(by_case[a].worker, 0);
  EXPECT_EQ(by_case[b].worker, 1);
  EXPECT_EQ(by_case[b].outcome, Outcome::passed);
}

TEST_F(ProcessExecutorTest, StopAllEndsTheBatchWithoutReportingItsRunningCase) {
  const std::size_t hangs = fake_case("Hangs"), next = fake_case("Passes");
  executor().start(batch(0, {hangs, next}));
  while (started(executor().wait()).empty()) {
  }
  executor().stop_all(SIGTERM, 3600);  // sh dies of SIGTERM: no SIGKILL needed
  const auto events = events_until_finished(0);
  EXPECT_TRUE(results(events).empty());
  EXPECT_TRUE(batch_finished(events).not_started.empty());
  EXPECT_FALSE(batch_finished(events).process_died);
}

TEST_F(ProcessExecutorTest, StopAllSendsSigkillAfterTheGrace) {
  const std::size_t ignores = fake_case("IgnoresTerm");
  executor().start(batch(0, {ignores}));
  while (started(executor().wait()).empty()) {
  }
  executor().stop_all(SIGTERM, 0.2);
  const auto events = events_until_finished(0);
  EXPECT_TRUE(results(events).empty());
}

TEST_F(ProcessExecutorTest, ASecondStopWithSigkillCutsTheGraceShort) {
  const std::size_t ignores = fake_case("IgnoresTerm");
  executor().start(batch(0, {ignores}));
  while (started(executor().wait()).empty()) {
  }
  executor().stop_all(SIGTERM, 3600);
  executor().stop_all(SIGKILL, 0);
  const auto events = events_until_finished(0);
  EXPECT_TRUE(results(events).empty());
}

TEST_F(ProcessExecutorTest, ReportsInterrupts) {
  Executor& ex = executor();
  ::raise(SIGINT);
  std::vector<ExecutorEvent> events = ex.wait();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(std::get<Interrupted>(events[0]).signal, SIGINT);
  ::kill(::getpid(), SIGTERM);
  events = ex.wait();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(std::get<Interrupted>(events[0]).signal, SIGTERM);
}

TEST_F(ProcessExecutorTest, ACaseSeesItsWorkerAndNoFilterInItsEnvironment) {
  const std::size_t plain = plain_case("env", "echo \"$PTEST_WORKER $PTEST_WORKER_COUNT ${GTEST_FILTER-unset}\"");
  const auto events = run(batch(manifest_.cases[plain].target, {plain}, 1));
  EXPECT_EQ(results(events)[plain].output, "gw1 2 unset\n");
}

TEST_F(ProcessExecutorTest, APlainExecutableThatExitsWithZeroPasses) {
  const std::size_t plain = plain_case("passes", "echo \"arguments: $*\"; echo to stderr >&2; exit 0");
  const auto events = run(batch(manifest_.cases[plain].target, {plain}));
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(std::get<CaseStarted>(events[0]).case_index, plain);
  const CaseResult& result = std::get<CaseFinished>(events[1]).result;
  EXPECT_EQ(result.outcome, Outcome::passed);
  EXPECT_EQ(result.output, "arguments: \nto stderr\n");  // no --gtest_filter among them
  EXPECT_EQ(result.message, "");
  EXPECT_LE(result.start, result.stop);
  EXPECT_TRUE(batch_finished(events).not_started.empty());
  EXPECT_FALSE(batch_finished(events).process_died);
}

TEST_F(ProcessExecutorTest, APlainExecutableWithAnotherStatusFails) {
  const std::size_t plain = plain_case("fails", "echo nope; exit 3");
  const auto events = run(batch(manifest_.cases[plain].target, {plain}));
  const CaseResult result = results(events)[plain];
  EXPECT_EQ(result.outcome, Outcome::failed);
  EXPECT_EQ(result.message, "exited with status 3");
  EXPECT_EQ(result.output, "nope\n");
  EXPECT_FALSE(batch_finished(events).process_died);
}

TEST_F(ProcessExecutorTest, APlainExecutableKilledByASignalCrashed) {
  const std::size_t plain = plain_case("crashes", "kill -SEGV $$");
  const auto events = run(batch(manifest_.cases[plain].target, {plain}));
  const CaseResult result = results(events)[plain];
  EXPECT_EQ(result.outcome, Outcome::crashed);
  EXPECT_NE(result.message.find("SIGSEGV"), std::string::npos) << result.message;
  EXPECT_FALSE(batch_finished(events).process_died);
}

TEST_F(ProcessExecutorTest, APlainExecutablePastItsTimeoutTimesOut) {
  const std::size_t plain = plain_case("hangs", "echo waiting; sleep 30", 0.2);
  const auto events = run(batch(manifest_.cases[plain].target, {plain}));
  const CaseResult result = results(events)[plain];
  EXPECT_EQ(result.outcome, Outcome::timeout);
  EXPECT_EQ(result.message, "timed out after 0.2s; its process group was killed");
  EXPECT_EQ(result.output, "waiting\n");
}

TEST_F(ProcessExecutorTest, APlainExecutablesOutputIsBoundedLikeACases) {
  output_limit_ = 100;
  const std::size_t plain =
      plain_case("floods", "i=0; while [ $i -lt 1000 ]; do echo 0123456789; i=$((i+1)); done; echo THE END");
  const auto events = run(batch(manifest_.cases[plain].target, {plain}));
  const CaseResult result = results(events)[plain];
  EXPECT_EQ(result.outcome, Outcome::passed);
  EXPECT_NE(result.output.find("bytes of output cut here"), std::string::npos);
  EXPECT_NE(result.output.find("THE END"), std::string::npos);
  EXPECT_LT(result.output.size(), 200u);
}

TEST_F(ProcessExecutorTest, APlainProcessRunsOneCaseAndGivesBackAnyOther) {
  const std::size_t plain = plain_case("passes", "exit 0");
  const std::size_t other = add_case("passes", "Other", manifest_.cases[plain].target);
  const auto events = run(batch(manifest_.cases[plain].target, {plain, other}));
  EXPECT_EQ(started(events), std::vector<std::size_t>{plain});
  EXPECT_EQ(results(events).size(), 1u);
  EXPECT_EQ(batch_finished(events).not_started, std::vector<std::size_t>{other});
}

}  // namespace

TEST_F(ProcessExecutorTest, WithATickPeriodAQuietCaseIsInterruptedByTicksAtLeastThatFarApart) {
  tick_period_ = 0.1;
  const std::size_t sleeps = plain_case("Sleeps", "sleep 0.35");
  const auto events = run(batch(manifest_.targets.size() - 1, {sleeps}));
  std::vector<double> ticks;
  for (const ExecutorEvent& event : events)
    if (auto* tick = std::get_if<Tick>(&event)) ticks.push_back(tick->at);
  ASSERT_GE(ticks.size(), 1u);  // the case took 0.35 s at least: three periods
  EXPECT_GE(ticks.front(), 0.1);
  for (std::size_t i = 1; i < ticks.size(); ++i) EXPECT_GE(ticks[i] - ticks[i - 1], 0.1 - 1e-9);
  EXPECT_EQ(results(events)[sleeps].outcome, Outcome::passed);
}

TEST_F(ProcessExecutorTest, WithoutATickPeriodThereAreNoTicks) {
  const std::size_t sleeps = plain_case("Sleeps", "sleep 0.25");
  for (const ExecutorEvent& event : run(batch(manifest_.targets.size() - 1, {sleeps})))
    EXPECT_FALSE(std::holds_alternative<Tick>(event));
}
