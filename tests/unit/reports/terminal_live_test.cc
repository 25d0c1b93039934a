// The terminal reporter's live parts on a fake clock: the bar's status line
// with what each worker runs, and the slow-case warnings on ticks.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "reports/terminal_reporter.h"
#include "test_support/builders.h"
#include "test_support/fake_clock.h"

using namespace ptest;
using namespace ptest::testing;

namespace {

class TerminalLiveTest : public ::testing::Test {
 protected:
  void SetUp() override { out_ = ::open_memstream(&buffer_, &size_); }
  void TearDown() override {
    std::fclose(out_);
    std::free(buffer_);
  }

  std::string text() {
    std::fflush(out_);
    return std::string(buffer_, size_);
  }

  TerminalOptions options() {
    TerminalOptions options;
    options.verbosity = -1;  // no header: the lines under test alone
    options.out = out_;
    options.clock = clock_.function();
    options.manifest = &manifest_;
    return options;
  }

  const Manifest manifest_ = make_manifest(1, {make_case("Db", "Migrates"), make_case("Db", "Quick")});
  FakeClock clock_;

 private:
  char* buffer_ = nullptr;
  std::size_t size_ = 0;
  std::FILE* out_ = nullptr;
};

}  // namespace

TEST_F(TerminalLiveTest, TheBarShowsTheRunningCaseWithItsTimeAndTheEtaFromTheHistory) {
  TerminalOptions live = options();
  live.live = true;
  live.progress = ProgressMode::bar;
  live.expected_durations = {10, 2};  // both cases in the run, 12 s of work
  TerminalReporter reporter(live);
  reporter.run_started(RunStart{2, 1, "load", "u"});
  reporter.case_started(manifest_.cases[0], 0);
  clock_.advance(4);
  reporter.tick(4);
  EXPECT_EQ(text(), "\r0.0s [>                   ] 0/2 0 failed ETA 12.0s | gw0 Db.Migrates 0.0s\033[K"
                    "\r4.0s [>                   ] 0/2 0 failed ETA 8.0s | gw0 Db.Migrates 4.0s\033[K");
}

TEST_F(TerminalLiveTest, WithoutAHistoryTheEtaIsThePaceSoFar) {
  TerminalOptions live = options();
  live.live = true;
  live.progress = ProgressMode::bar;
  TerminalReporter reporter(live);
  reporter.run_started(RunStart{2, 1, "load", "u"});
  reporter.case_started(manifest_.cases[0], 0);
  clock_.advance(3);
  reporter.case_finished(manifest_.cases[0], make_result(0, Outcome::passed, 0, 0, 3));
  EXPECT_NE(text().find("\r3.0s [==========>         ] 1/2 0 failed ETA 3.0s\033[K"), std::string::npos)
      << text();
}

TEST_F(TerminalLiveTest, ASlowCaseIsAnnouncedOncePerPeriodWhileItRuns) {
  TerminalOptions slow = options();
  slow.slow_period = 60;
  TerminalReporter reporter(slow);
  reporter.run_started(RunStart{2, 1, "load", "u"});
  reporter.case_started(manifest_.cases[0], 0);
  for (int second = 1; second <= 130; ++second) {
    clock_.advance(1);
    reporter.tick(second);
  }
  reporter.case_finished(manifest_.cases[0], make_result(0, Outcome::passed, 0, 0, 130));
  clock_.advance(1000);
  reporter.tick(1130);  // finished: no more warnings for it
  EXPECT_EQ(text(), "SLOW [> 60s] bin0::Db.Migrates\n"
                    "SLOW [> 120s] bin0::Db.Migrates\n");
}

TEST_F(TerminalLiveTest, ACasesOwnSlowPeriodBeatsTheRunsInBothDirections) {
  Manifest periods = manifest_;
  periods.cases[0].slow = 5;    // Migrates: expected to take long, yet announced sooner than --slow
  periods.cases[1].slow = 100;  // Quick: announced later than --slow would
  TerminalOptions slow = options();
  slow.manifest = &periods;
  slow.slow_period = 30;
  TerminalReporter reporter(slow);
  reporter.run_started(RunStart{2, 2, "load", "u"});
  reporter.case_started(periods.cases[0], 0);
  reporter.case_started(periods.cases[1], 1);
  for (int second = 1; second <= 12; ++second) {
    clock_.advance(1);
    reporter.tick(second);
  }
  reporter.case_finished(periods.cases[0], make_result(0, Outcome::passed, 0, 0, 12));
  for (int second = 13; second <= 101; ++second) {
    clock_.advance(1);
    reporter.tick(second);
  }
  EXPECT_EQ(text(), "SLOW [> 5s] bin0::Db.Migrates\n"
                    "SLOW [> 10s] bin0::Db.Migrates\n"
                    "SLOW [> 100s] bin0::Db.Quick\n");
}

TEST_F(TerminalLiveTest, SlowZeroSilencesEvenACaseWithItsOwnPeriod) {
  Manifest periods = manifest_;
  periods.cases[0].slow = 1;
  TerminalOptions never = options();
  never.manifest = &periods;
  never.slow_period = 0;
  TerminalReporter reporter(never);
  reporter.run_started(RunStart{2, 1, "load", "u"});
  reporter.case_started(periods.cases[0], 0);
  clock_.advance(10);
  reporter.tick(10);
  EXPECT_EQ(text(), "");
}

TEST_F(TerminalLiveTest, ASlowWarningGoesAboveTheStatusLineWhichIsThenDrawnAgain) {
  TerminalOptions both = options();
  both.live = true;
  both.slow_period = 1;
  TerminalReporter reporter(both);  // the counter: the shortest line
  reporter.run_started(RunStart{2, 1, "load", "u"});
  reporter.case_started(manifest_.cases[1], 0);
  clock_.advance(1.5);
  reporter.tick(1.5);
  EXPECT_EQ(text(), "\r[0/2] 0 failed"
                    "\r\033[KSLOW [> 1s] bin0::Db.Quick\n"
                    "\r[0/2] 0 failed");
}

TEST_F(TerminalLiveTest, ColoursPaintTheVerdictsAndTheSummaryLine) {
  TerminalOptions colored = options();
  colored.verbosity = 1;
  colored.color = true;
  TerminalReporter reporter(colored);
  reporter.run_started(RunStart{1, 1, "load", "u"});
  reporter.case_finished(manifest_.cases[1], make_result(1, Outcome::passed, 0, 0, 0.5));
  RunSummary summary;
  summary.passed = 1;
  summary.duration = 0.5;
  reporter.run_finished(summary);
  EXPECT_NE(text().find("[gw0] \033[32mPASSED \033[0m bin0::Db.Quick (0.500s)\n"), std::string::npos) << text();
  EXPECT_NE(text().find("\033[32m1 passed in 0.50s\033[0m\n"), std::string::npos) << text();
}

TEST_F(TerminalLiveTest, TheEtaIsNeverSoonerThanTheLongestRunningCaseCanEnd) {
  TerminalOptions live = options();
  live.live = true;
  live.progress = ProgressMode::bar;
  live.expected_durations = {10, 2};
  TerminalReporter reporter(live);
  reporter.run_started(RunStart{2, 2, "load", "u"});  // two workers, but one case left to run
  reporter.case_started(manifest_.cases[1], 1);
  clock_.advance(2);
  reporter.case_finished(manifest_.cases[1], make_result(1, Outcome::passed, 1, 0, 2));
  reporter.case_started(manifest_.cases[0], 0);
  clock_.advance(4);
  reporter.tick(6);
  EXPECT_NE(text().find("1/2 0 failed ETA 6.0s | gw0 Db.Migrates 4.0s"), std::string::npos) << text();
}
