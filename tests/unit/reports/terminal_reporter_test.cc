#include "reports/terminal_reporter.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "test_support/builders.h"
#include "test_support/fake_clock.h"

using namespace ptest;
using namespace ptest::testing;

namespace {

// A FILE* whose text a test can read back.
class MemoryFile {
 public:
  MemoryFile() : file_(::open_memstream(&buffer_, &size_)) {}
  ~MemoryFile() {
    if (file_) std::fclose(file_);
    std::free(buffer_);
  }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;

  std::FILE* get() const { return file_; }
  std::string text() {
    std::fflush(file_);
    return std::string(buffer_, size_);
  }

 private:
  char* buffer_ = nullptr;
  std::size_t size_ = 0;
  std::FILE* file_;
};

// Two binaries, five cases, one of each outcome.
Manifest sample() {
  Manifest manifest = make_manifest(2, {make_case("A", "Pass", 0), make_case("A", "Fail", 0),
                                        make_case("B", "Crash", 1), make_case("B", "Skip", 1),
                                        make_case("B", "Slow", 1)});
  manifest.cases[1].line = 12;
  manifest.cases[2].file = "";  // no source location: no location line
  return manifest;
}

CaseResult with_text(CaseResult result, std::string output, std::string message = {}) {
  result.output = std::move(output);
  result.message = std::move(message);
  return result;
}

// Plays the sample's run: each case finishes once, in this order.
void play(TerminalReporter& reporter, const Manifest& manifest) {
  reporter.run_started(RunStart{5, 2, "worksteal", "0123abcd"});
  const CaseResult results[] = {
      make_result(0, Outcome::passed, 0, 0, 0.25),
      with_text(make_result(1, Outcome::failed, 1, 0, 1.5),
                "a_test.cc:12: Failure\nExpected equality of these values:\n  1\n  2\n"),
      with_text(make_result(2, Outcome::crashed, 0, 0.25, 0.5), "starting\npartial line", "killed by SIGSEGV"),
      make_result(3, Outcome::skipped, 1, 1.5, 1.5),
      with_text(make_result(4, Outcome::timeout, 0, 0.5, 5.5), "", "timed out after 5s"),
  };
  for (const CaseResult& result : results) reporter.case_finished(manifest.cases[result.case_index], result);
  RunSummary summary;
  summary.passed = summary.failed = summary.crashed = summary.skipped = summary.timeout = 1;
  summary.duration = 5.5;
  reporter.run_finished(summary);
}

std::string render(int verbosity) {
  const Manifest manifest = sample();
  MemoryFile out;
  TerminalOptions options;
  options.verbosity = verbosity;
  options.out = out.get();
  TerminalReporter reporter(options);
  play(reporter, manifest);
  return out.text();
}

const char* const kFailures = R"(
=================================== FAILURES ===================================
____ bin0::A.Fail ____
a_test.cc:12
a_test.cc:12: Failure
Expected equality of these values:
  1
  2
____ bin1::B.Crash ____
starting
partial line
ptest: killed by SIGSEGV
____ bin1::B.Slow ____
a_test.cc:1
ptest: timed out after 5s

=========================== short test summary info ============================
FAILED bin0::A.Fail
CRASHED bin1::B.Crash - killed by SIGSEGV
TIMEOUT bin1::B.Slow - timed out after 5s
1 passed, 1 failed, 1 skipped, 1 crashed, 1 timeout in 5.50s
)";

// The failure of bin0::A.Fail, which printed nothing.
const char* const kOneFailure = R"(
=================================== FAILURES ===================================
____ bin0::A.Fail ____
a_test.cc:1

=========================== short test summary info ============================
FAILED bin0::A.Fail
)";

}  // namespace

TEST(TerminalReporter, ByDefaultTheHeaderThenEachFailureWithOutputAndMessageThenTheSummary) {
  EXPECT_EQ(render(0), std::string("ptest: 5 cases, 2 workers [worksteal], run 0123abcd\n") + kFailures);
}

TEST(TerminalReporter, VerboseAddsALinePerCaseWithWorkerVerdictIdAndDuration) {
  EXPECT_EQ(render(1), std::string("ptest: 5 cases, 2 workers [worksteal], run 0123abcd\n"
                                   "[gw0] PASSED  bin0::A.Pass (0.250s)\n"
                                   "[gw1] FAILED  bin0::A.Fail (1.500s)\n"
                                   "[gw0] CRASHED bin1::B.Crash (0.250s)\n"
                                   "[gw1] SKIPPED bin1::B.Skip (0.000s)\n"
                                   "[gw0] TIMEOUT bin1::B.Slow (5.000s)\n") +
                           kFailures);
}

TEST(TerminalReporter, QuietLeavesOutTheHeaderButKeepsTheFailuresAndTheSummary) {
  EXPECT_EQ(render(-1), kFailures);
}

TEST(TerminalReporter, APassingRunIsTheHeaderAndTheSummaryInTheSingular) {
  const Manifest manifest = make_manifest(1, {make_case("A", "Pass")});
  MemoryFile out;
  TerminalOptions options;
  options.out = out.get();
  TerminalReporter reporter(options);
  reporter.run_started(RunStart{1, 1, "no", "u"});
  reporter.case_finished(manifest.cases[0], with_text(make_result(0, Outcome::passed, 0, 0, 0.01), "ignored\n"));
  RunSummary summary;
  summary.passed = 1;
  summary.duration = 0.014;
  reporter.run_finished(summary);
  EXPECT_EQ(out.text(), "ptest: 1 case, 1 worker [no], run u\n"
                        "1 passed in 0.01s\n");
}

TEST(TerminalReporter, AnEarlyStopSaysWhyJustBeforeTheSummary) {
  const Manifest manifest = make_manifest(1, {make_case("A", "Fail"), make_case("A", "Later")});
  MemoryFile out;
  TerminalOptions options;
  options.verbosity = -1;
  options.out = out.get();
  TerminalReporter reporter(options);
  reporter.run_started(RunStart{2, 1, "no", "u"});
  reporter.case_finished(manifest.cases[0], make_result(0, Outcome::failed, 0, 0, 1));
  RunSummary summary;
  summary.failed = 1;
  summary.not_run = 1;
  summary.duration = 1;
  summary.stop_reason = "stopping after 1 failure";
  reporter.run_finished(summary);
  EXPECT_EQ(out.text(), std::string(kOneFailure) + "ptest: stopping after 1 failure\n"
                                                  "0 passed, 1 failed, 1 not run in 1.00s\n");
}

TEST(TerminalReporter, LiveProgressIsRedrawnAtMostEveryTenthOfASecondAndClearedAtTheEnd) {
  const Manifest manifest = make_manifest(1, {make_case("A", "One"), make_case("A", "Two"), make_case("A", "Three")});
  MemoryFile out;
  FakeClock clock;
  TerminalOptions options;
  options.live = true;
  options.out = out.get();
  options.clock = clock.function();
  TerminalReporter reporter(options);
  reporter.run_started(RunStart{3, 1, "load", "u"});
  reporter.case_finished(manifest.cases[0], make_result(0, Outcome::passed));
  clock.advance(0.05);
  reporter.case_finished(manifest.cases[1], make_result(1, Outcome::passed));  // too soon: not drawn
  clock.advance(0.1);
  reporter.case_finished(manifest.cases[2], make_result(2, Outcome::passed));
  RunSummary summary;
  summary.passed = 3;
  reporter.run_finished(summary);
  EXPECT_EQ(out.text(), "ptest: 3 cases, 1 worker [load], run u\n"
                        "\r[1/3] 0 failed"
                        "\r[3/3] 0 failed"
                        "\r\033[K"
                        "3 passed in 0.00s\n");
}

TEST(TerminalReporter, LiveProgressGivesWayToEachVerboseLineAndCountsFailures) {
  const Manifest manifest = make_manifest(1, {make_case("A", "Fail"), make_case("A", "Pass")});
  MemoryFile out;
  FakeClock clock;
  TerminalOptions options;
  options.verbosity = 1;
  options.live = true;
  options.out = out.get();
  options.clock = clock.function();
  TerminalReporter reporter(options);
  reporter.run_started(RunStart{2, 1, "load", "u"});
  reporter.case_finished(manifest.cases[0], make_result(0, Outcome::failed, 0, 0, 1));
  clock.advance(1);
  reporter.case_finished(manifest.cases[1], make_result(1, Outcome::passed, 0, 1, 2));
  RunSummary summary;
  summary.passed = 1;
  summary.failed = 1;
  summary.duration = 2;
  reporter.run_finished(summary);
  EXPECT_EQ(out.text(), std::string("ptest: 2 cases, 1 worker [load], run u\n"
                                    "[gw0] FAILED  bin0::A.Fail (1.000s)\n"
                                    "\r[1/2] 1 failed"
                                    "\r\033[K"
                                    "[gw0] PASSED  bin0::A.Pass (1.000s)\n"
                                    "\r[2/2] 1 failed"
                                    "\r\033[K") +
                            kOneFailure + "1 passed, 1 failed in 2.00s\n");
}

TEST(TerminalReporter, AFlakyCaseShowsItsAttemptsInTheShortSummaryAndTheVerboseLine) {
  Manifest manifest = sample();
  manifest.cases[0].reruns = 2;
  CaseResult result = make_result(0, Outcome::flaky, 1, 1, 1.25);
  result.earlier_attempts = {make_result(0, Outcome::failed, 0, 0, 0.5)};
  MemoryFile out;
  TerminalOptions options;
  options.out = out.get();
  options.verbosity = 1;
  TerminalReporter reporter(options);
  reporter.run_started(RunStart{1, 2, "worksteal", "abc"});
  reporter.case_finished(manifest.cases[0], result);
  RunSummary summary;
  summary.flaky = 1;
  summary.duration = 1.25;
  reporter.run_finished(summary);
  const std::string text = out.text();
  EXPECT_NE(text.find("[gw1] FLAKY 2/3 bin0::A.Pass (0.250s)\n"), std::string::npos) << text;
  EXPECT_NE(text.find("short test summary info ============================\nFLAKY 2/3 bin0::A.Pass\n"),
            std::string::npos) << text;
  EXPECT_EQ(text.find("FAILURES"), std::string::npos) << text;
  EXPECT_NE(text.find("0 passed, 1 flaky in 1.25s\n"), std::string::npos) << text;
}
