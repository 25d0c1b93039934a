// The terminal's end-of-run sections: the slowest cases (--durations) and
// the workers' balance, between the failures and the short summary.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "reports/terminal_reporter.h"
#include "reports/timeline.h"
#include "test_support/sample_run.h"

using namespace ptest;
using namespace ptest::testing;

namespace {

// The terminal reporter's text for the sample run, with the timeline
// hearing every event first, as in a real run.
std::string render(TerminalOptions options, const Manifest& manifest) {
  char* buffer = nullptr;
  std::size_t size = 0;
  std::FILE* out = ::open_memstream(&buffer, &size);
  Timeline timeline;
  options.out = out;
  options.timeline = &timeline;
  options.manifest = &manifest;
  TerminalReporter terminal(options);
  Reporters both;
  both.add(timeline);
  both.add(terminal);
  play_sample_run(both, manifest);
  std::fclose(out);
  std::string text(buffer, size);
  std::free(buffer);
  return text;
}

const char* const kWorkers =
    "\n=================================== workers ====================================\n"
    "gw0        2 cases     1 process    busy     3.00s  idle     1.00s\n"
    "gw1        2 cases     2 processes  busy     1.50s  idle     2.50s\n"
    "speedup 1.12x (4.50s of cases in 4.00s), balance 1.33 (busiest worker / mean)\n";

}  // namespace

TEST(TerminalRunSections, TheWorkersBalanceComesAfterTheFailuresAndBeforeTheShortSummary) {
  const Manifest manifest = sample_run_manifest();
  const std::string text = render(TerminalOptions{}, manifest);
  const std::size_t failures = text.find("= FAILURES =");
  const std::size_t workers = text.find(kWorkers);
  const std::size_t short_summary = text.find("= short test summary info =");
  ASSERT_NE(workers, std::string::npos) << text;
  EXPECT_LT(failures, workers) << text;
  EXPECT_LT(workers, short_summary) << text;
  EXPECT_EQ(text.find("slowest"), std::string::npos) << "no --durations, no list: " << text;
}

TEST(TerminalRunSections, DurationsListTheSlowestCasesBeforeTheWorkers) {
  const Manifest manifest = sample_run_manifest();
  TerminalOptions options;
  options.durations = DurationsOptions{2, 0.005};
  const std::string text = render(options, manifest);
  const std::string slowest =
      "\n============================= slowest 2 durations ==============================\n"
      "   2.000s gw0  bin0::A.Fail\n"
      "   1.000s gw0  bin0::A.Pass\n" +
      std::string(kWorkers);
  EXPECT_NE(text.find(slowest), std::string::npos) << text;
}

TEST(TerminalRunSections, QuietLeavesOutTheWorkersButKeepsTheDurationsAskedFor) {
  const Manifest manifest = sample_run_manifest();
  TerminalOptions options;
  options.verbosity = -1;
  options.durations = DurationsOptions{1, 0.005};
  const std::string text = render(options, manifest);
  EXPECT_EQ(text.find("= workers ="), std::string::npos) << text;
  EXPECT_NE(text.find("   2.000s gw0  bin0::A.Fail\n"), std::string::npos) << text;
}
