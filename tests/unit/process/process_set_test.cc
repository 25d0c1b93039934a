// The process layer alone: real children (sh), no tests in sight.
#include "process/process_set.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <map>
#include <variant>

#include "test_support/process_test_support.h"
#include "process/run_captured.h"

using namespace ptest;
using ptest::testing::ends_soon;
using ptest::testing::no_children_left;
using ptest::testing::number_after;
using ptest::testing::open_fd_count;
using ptest::testing::ScratchDir;
using ptest::testing::sh;

namespace {

using Clock = ProcessSet::Clock;

// Every test ends with no child and no descriptor left behind.
class ProcessSetTest : public ::testing::Test {
 protected:
  void SetUp() override { fds_ = open_fd_count(); }
  void TearDown() override {
    EXPECT_EQ(open_fd_count(), fds_) << "a file descriptor was left open";
    EXPECT_TRUE(no_children_left()) << "a child was left running or unreaped";
  }

 private:
  int fds_ = 0;
};

struct Ended {
  std::string output;
  int wait_status = -1;
  std::vector<int> interrupts;
  bool output_after_exit = false;
};

// Waits for `child` to end, keeping what it wrote.
Ended run_to_end(ProcessSet& processes, ChildId child) {
  Ended ended;
  for (bool done = false; !done;) {
    for (ProcessEvent& event : processes.wait()) {
      if (auto* output = std::get_if<ChildOutput>(&event)) {
        if (output->child != child) continue;
        if (done) ended.output_after_exit = true;
        ended.output += output->data;
      } else if (auto* exited = std::get_if<ChildExited>(&event)) {
        if (exited->child != child) continue;
        ended.wait_status = exited->wait_status;
        done = true;
      } else if (auto* interrupt = std::get_if<InterruptReceived>(&event)) {
        ended.interrupts.push_back(interrupt->signal);
      }
    }
  }
  return ended;
}

Clock::time_point in_seconds(double seconds) {
  return Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

TEST_F(ProcessSetTest, ReportsOutputOfBothStreamsThenTheExitStatus) {
  ProcessSet processes;
  const ChildId child = processes.start(sh("echo out; echo err >&2; exit 3"));
  const Ended ended = run_to_end(processes, child);
  EXPECT_EQ(ended.output, "out\nerr\n");
  EXPECT_FALSE(ended.output_after_exit);
  ASSERT_TRUE(WIFEXITED(ended.wait_status));
  EXPECT_EQ(WEXITSTATUS(ended.wait_status), 3);
  EXPECT_TRUE(processes.empty());
}

TEST_F(ProcessSetTest, ReportsADeathBySignal) {
  ProcessSet processes;
  const ChildId child = processes.start(sh("echo before; kill -SEGV $$"));
  const Ended ended = run_to_end(processes, child);
  EXPECT_EQ(ended.output, "before\n");
  ASSERT_TRUE(WIFSIGNALED(ended.wait_status));
  EXPECT_EQ(WTERMSIG(ended.wait_status), SIGSEGV);
}

TEST_F(ProcessSetTest, KeepsChildrenApart) {
  ProcessSet processes;
  const ChildId first = processes.start(sh("echo one; exit 1"));
  const ChildId second = processes.start(sh("echo two; exit 2"));
  EXPECT_NE(first, second);
  std::map<ChildId, std::string> output;
  std::map<ChildId, int> status;
  while (status.size() < 2)
    for (ProcessEvent& event : processes.wait()) {
      if (auto* chunk = std::get_if<ChildOutput>(&event)) output[chunk->child] += chunk->data;
      if (auto* exited = std::get_if<ChildExited>(&event)) status[exited->child] = WEXITSTATUS(exited->wait_status);
    }
  EXPECT_EQ(output[first], "one\n");
  EXPECT_EQ(output[second], "two\n");
  EXPECT_EQ(status[first], 1);
  EXPECT_EQ(status[second], 2);
}

TEST_F(ProcessSetTest, ReturnsNothingWhenTheDeadlinePassesFirst) {
  ProcessSet processes;
  const ChildId child = processes.start(sh("sleep 30"));
  EXPECT_TRUE(processes.wait(in_seconds(0.2)).empty());
  EXPECT_FALSE(processes.empty());
  processes.signal(child, SIGKILL);
  const Ended ended = run_to_end(processes, child);
  ASSERT_TRUE(WIFSIGNALED(ended.wait_status));
  EXPECT_EQ(WTERMSIG(ended.wait_status), SIGKILL);
}

TEST_F(ProcessSetTest, ADeadlineInThePastStillReportsWhatIsReady) {
  ProcessSet processes;
  const ChildId child = processes.start(sh("echo ready; sleep 30"));
  std::string output;
  while (output.empty())
    for (ProcessEvent& event : processes.wait(Clock::now()))
      if (auto* chunk = std::get_if<ChildOutput>(&event)) output += chunk->data;
  EXPECT_EQ(output, "ready\n");
  processes.signal(child, SIGKILL);
  run_to_end(processes, child);
}

TEST_F(ProcessSetTest, SignalsReachTheWholeGroup) {
  ProcessSet processes;
  // The shell waits for a grandchild; SIGTERM must reach both.
  const ChildId child = processes.start(sh("trap 'echo terminated; exit 5' TERM; sleep 30 & echo grandchild $!; wait"));
  std::string output;
  while (output.find('\n') == std::string::npos)
    for (ProcessEvent& event : processes.wait())
      if (auto* chunk = std::get_if<ChildOutput>(&event)) output += chunk->data;
  const pid_t grandchild = number_after(output, "grandchild ");
  ASSERT_GT(grandchild, 0) << output;
  processes.signal(child, SIGTERM);
  const Ended ended = run_to_end(processes, child);
  EXPECT_EQ(ended.output, "terminated\n");
  ASSERT_TRUE(WIFEXITED(ended.wait_status));
  EXPECT_EQ(WEXITSTATUS(ended.wait_status), 5);
  EXPECT_TRUE(ends_soon(grandchild));
}

TEST_F(ProcessSetTest, AGrandchildHoldingThePipeNeitherKeepsItWaitingNorOutlivesTheChild) {
  ProcessSet processes;
  const ChildId child = processes.start(sh("sleep 300 & echo grandchild $!; exit 0"));
  const Ended ended = run_to_end(processes, child);
  ASSERT_TRUE(WIFEXITED(ended.wait_status));
  const pid_t grandchild = number_after(ended.output, "grandchild ");
  ASSERT_GT(grandchild, 0) << ended.output;
  EXPECT_TRUE(ends_soon(grandchild));
}

TEST_F(ProcessSetTest, AChildThatClosesItsOutputEarlyIsStillWaitedFor) {
  ProcessSet processes;
  const ChildId child = processes.start(sh("echo closing; exec >&- 2>&-; sleep 0.2; exit 4"));
  const Ended ended = run_to_end(processes, child);
  EXPECT_EQ(ended.output, "closing\n");
  EXPECT_EQ(WEXITSTATUS(ended.wait_status), 4);
}

TEST_F(ProcessSetTest, SignalAfterTheExitWasReportedDoesNothing) {
  ProcessSet processes;
  const ChildId child = processes.start(sh("exit 0"));
  run_to_end(processes, child);
  processes.signal(child, SIGKILL);  // its pid may be anyone's by now: nothing may be sent
  EXPECT_TRUE(processes.empty());
}

TEST_F(ProcessSetTest, ACommandThatCannotStartThrowsAndLeavesNothing) {
  ProcessSet processes;
  Command command;
  command.argv = {"/nonexistent/ptest-test-binary"};
  EXPECT_THROW(processes.start(command), ProcessError);
  command.argv.clear();
  EXPECT_THROW(processes.start(command), ProcessError);
  EXPECT_TRUE(processes.empty());
}

TEST_F(ProcessSetTest, EndingKillsAndReapsWhatStillRuns) {
  pid_t grandchild = -1;
  {
    ProcessSet processes;
    processes.start(sh("sleep 300 & echo grandchild $!; sleep 300"));
    std::string output;
    while (output.find('\n') == std::string::npos)
      for (ProcessEvent& event : processes.wait())
        if (auto* chunk = std::get_if<ChildOutput>(&event)) output += chunk->data;
    grandchild = number_after(output, "grandchild ");
  }
  ASSERT_GT(grandchild, 0);
  EXPECT_TRUE(ends_soon(grandchild));
  // TearDown checks that the child was reaped and its pipe closed.
}

TEST_F(ProcessSetTest, ReportsInterrupts) {
  ProcessSet processes;
  ::raise(SIGINT);
  ::kill(::getpid(), SIGTERM);
  std::vector<int> interrupts;
  while (interrupts.size() < 2)
    for (ProcessEvent& event : processes.wait())
      if (auto* interrupt = std::get_if<InterruptReceived>(&event)) interrupts.push_back(interrupt->signal);
  EXPECT_EQ(interrupts, (std::vector<int>{SIGINT, SIGTERM}));
}

TEST_F(ProcessSetTest, InterruptsDuringAChildsLifeDoNotDisturbIt) {
  ProcessSet processes;
  const ChildId child = processes.start(sh("sleep 0.2; echo done"));
  ::raise(SIGINT);  // the child runs in a group of its own: only the runner hears this
  const Ended ended = run_to_end(processes, child);
  EXPECT_EQ(ended.output, "done\n");
  EXPECT_TRUE(WIFEXITED(ended.wait_status));
  std::vector<int> interrupts = ended.interrupts;
  while (interrupts.empty())  // unless it came with the exit already
    for (ProcessEvent& event : processes.wait())
      if (auto* interrupt = std::get_if<InterruptReceived>(&event)) interrupts.push_back(interrupt->signal);
  EXPECT_EQ(interrupts, std::vector<int>{SIGINT});
}

struct sigaction current_action(int signal) {
  struct sigaction action {};
  ::sigaction(signal, nullptr, &action);
  return action;
}

TEST_F(ProcessSetTest, PutsTheSignalDispositionsBackWhenItEnds) {
  const auto before_int = current_action(SIGINT).sa_handler;
  const auto before_chld = current_action(SIGCHLD).sa_handler;
  const auto before_pipe = current_action(SIGPIPE).sa_handler;
  {
    ProcessSet processes;
    EXPECT_NE(current_action(SIGINT).sa_handler, before_int);
    EXPECT_NE(current_action(SIGCHLD).sa_handler, before_chld);
    EXPECT_EQ(current_action(SIGPIPE).sa_handler, SIG_IGN);
  }
  EXPECT_EQ(current_action(SIGINT).sa_handler, before_int);
  EXPECT_EQ(current_action(SIGCHLD).sa_handler, before_chld);
  EXPECT_EQ(current_action(SIGPIPE).sa_handler, before_pipe);
}

volatile sig_atomic_t g_interrupts_seen = 0;
void count_interrupt(int) { ++g_interrupts_seen; }

TEST_F(ProcessSetTest, LeavesInterruptsAloneWhenAskedTo) {
  struct sigaction counting {}, previous {};
  counting.sa_handler = count_interrupt;
  sigemptyset(&counting.sa_mask);
  ::sigaction(SIGINT, &counting, &previous);
  g_interrupts_seen = 0;
  {
    ProcessSet processes(ProcessSet::Interrupts::untouched);
    EXPECT_EQ(current_action(SIGINT).sa_handler, count_interrupt);
    ::raise(SIGINT);
    EXPECT_EQ(g_interrupts_seen, 1);
    EXPECT_TRUE(processes.wait(in_seconds(0.05)).empty());
  }
  ::sigaction(SIGINT, &previous, nullptr);
}

// A fixture's run_captured() runs inside the run's set; a child of the
// outer set that ends meanwhile signals the inner one. The outer set must
// still hear of it, and an interrupt meanwhile must reach the outer set.
TEST_F(ProcessSetTest, ASetInsideAnotherPassesOnWhatWasNotItsOwn) {
  const ScratchDir dir;
  const std::string pid_file = dir.path() + "/outer.pid", go = dir.path() + "/go";
  ProcessSet outer;
  const ChildId child = outer.start(sh("echo $$ > " + pid_file + "; while [ ! -e " + go +
                                       " ]; do sleep 0.01; done; exit 7"));
  // Lets the outer child end, and waits until it has (a zombie: nobody
  // reaped it), so its SIGCHLD surely came while the inner set had the
  // signal; then interrupts the runner.
  const CompletedProcess inner = run_captured(
      sh("while [ ! -s " + pid_file + " ]; do sleep 0.01; done; pid=$(cat " + pid_file + "); touch " + go +
         "; while [ -e /proc/$pid ] && [ \"$(sed 's/^.*) //; s/ .*//' /proc/$pid/stat)\" != Z ]; do sleep 0.01; done; "
         "kill -INT " + std::to_string(::getpid()) + "; echo inner done"),
      0);
  EXPECT_EQ(inner.output, "inner done\n");

  bool exited = false;
  std::vector<int> interrupts;
  const auto give_up = in_seconds(20);
  while ((!exited || interrupts.empty()) && Clock::now() < give_up)
    for (ProcessEvent& event : outer.wait(give_up)) {
      if (auto* ended = std::get_if<ChildExited>(&event)) {
        EXPECT_EQ(ended->child, child);
        EXPECT_EQ(WEXITSTATUS(ended->wait_status), 7);
        exited = true;
      }
      if (auto* interrupt = std::get_if<InterruptReceived>(&event)) interrupts.push_back(interrupt->signal);
    }
  EXPECT_TRUE(exited) << "the outer set never heard that its child ended";
  EXPECT_EQ(interrupts, std::vector<int>{SIGINT});
}

TEST_F(ProcessSetTest, RunCapturedKeepsTheOutputAndTheStatus) {
  const CompletedProcess done = run_captured(sh("echo out; echo err >&2; exit 2"), 0);
  EXPECT_EQ(done.output, "out\nerr\n");
  EXPECT_FALSE(done.timed_out);
  EXPECT_EQ(WEXITSTATUS(done.wait_status), 2);
}

TEST_F(ProcessSetTest, RunCapturedKillsTheGroupAtTheTimeout) {
  const CompletedProcess done = run_captured(sh("echo started; sleep 30"), 0.2);
  EXPECT_TRUE(done.timed_out);
  EXPECT_EQ(done.output, "started\n");
  ASSERT_TRUE(WIFSIGNALED(done.wait_status));
  EXPECT_EQ(WTERMSIG(done.wait_status), SIGKILL);
}

TEST_F(ProcessSetTest, RunCapturedDoesNotWaitForAGrandchildHoldingThePipe) {
  const CompletedProcess done = run_captured(sh("sleep 300 & echo grandchild $!"), 0);
  EXPECT_FALSE(done.timed_out);
  EXPECT_TRUE(WIFEXITED(done.wait_status));
  const pid_t grandchild = number_after(done.output, "grandchild ");
  ASSERT_GT(grandchild, 0) << done.output;
  EXPECT_TRUE(ends_soon(grandchild));
}

TEST_F(ProcessSetTest, RunCapturedThrowsForACommandThatCannotStart) {
  Command command;
  command.argv = {"/nonexistent/ptest-test-binary"};
  EXPECT_THROW(run_captured(command, 0), ProcessError);
}

}  // namespace

// A runner that is SIGKILLed takes its test processes with it
// (PR_SET_PDEATHSIG): none is left running for nobody.
TEST(Spawn, AChildDiesWithARunnerThatIsKilled) {
  int pid_pipe[2];
  ASSERT_EQ(::pipe(pid_pipe), 0);
  const pid_t runner = ::fork();
  if (runner == 0) {
    const Child child = spawn(ptest::testing::sh("exec sleep 300"));
    (void)!::write(pid_pipe[1], &child.pid, sizeof child.pid);
    ::pause();  // until killed
    ::_exit(0);
  }
  pid_t child = 0;
  ASSERT_EQ(::read(pid_pipe[0], &child, sizeof child), static_cast<ssize_t>(sizeof child));
  ::close(pid_pipe[0]);
  ::close(pid_pipe[1]);
  ::kill(runner, SIGKILL);
  ::waitpid(runner, nullptr, 0);
  EXPECT_TRUE(ends_soon(child)) << "the test process outlived its runner";
}
