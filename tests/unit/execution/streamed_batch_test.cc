// The batches of Catch2 and doctest on StreamedBatch: the arguments that
// choose their cases, and what a process that dies mid-batch, or exits
// badly under a LAUNCHER, means for each case.
#include "execution/streamed_batch.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <csignal>

#include "execution/catch2_batch.h"
#include "execution/doctest_batch.h"
#include "test_support/builders.h"

using namespace ptest;
using namespace ptest::testing;

namespace {

Manifest three_cases(Framework framework) {
  Manifest manifest = make_manifest(1, {make_case("s", "one"), make_case("s", "two"), make_case("s", "three")});
  manifest.targets[0].framework = framework;
  manifest.targets[0].arguments = {"--extra"};
  for (TestCase& test_case : manifest.cases) test_case.name = test_case.name.substr(2);  // "one", ...
  return manifest;
}

Batch whole_batch() { return Batch{1, 0, {0, 1, 2}, {}}; }

std::string catch2_case(const std::string& name, const std::string& body) {
  return "    <TestCase name=\"" + name + "\" filename=\"c.cc\" line=\"1\">\n" + body + "    </TestCase>\n";
}

const std::string kPassed = "      <OverallResult success=\"true\" durationInSeconds=\"0.001\"/>\n";
const std::string kCrashed =
    "      <FatalErrorCondition filename=\"c.cc\" line=\"2\">\n        SIGSEGV\n      </FatalErrorCondition>\n"
    "      <OverallResult success=\"false\" durationInSeconds=\"0.001\"/>\n";

template <class Event>
std::vector<Event> only(const ExecutorEvents& events) {
  std::vector<Event> chosen;
  for (const ExecutorEvent& event : events)
    if (const Event* wanted = std::get_if<Event>(&event)) chosen.push_back(*wanted);
  return chosen;
}

TEST(StreamedBatch, EachFrameworkChoosesTheBatchsCasesThenTheTargetsArguments) {
  const Manifest catch2 = three_cases(Framework::catch2);
  EXPECT_EQ(Catch2Batch(catch2, whole_batch(), 1024).arguments(),
            (std::vector<std::string>{"one,two,three", "--reporter", "xml", "--extra"}));
  const Manifest doctest = three_cases(Framework::doctest);
  EXPECT_EQ(DoctestBatch(doctest, whole_batch(), 1024).arguments(),
            (std::vector<std::string>{"--test-case=one,two,three", "--case-sensitive=true", "--reporters=xml",
                                      "--extra"}));
}

// Catch2 reports the signal it caught, then dies of it: the case crashed,
// the one before passed, and the one it never began runs again elsewhere.
TEST(StreamedBatch, ACrashMidBatchFailsOnlyTheRunningCaseAndLeavesTheRest) {
  const Manifest manifest = three_cases(Framework::catch2);
  Catch2Batch batch(manifest, whole_batch(), 1 << 20);
  ExecutorEvents events;
  batch.started(0, events);
  batch.output("<Catch name=\"c\">\n  <Group name=\"c\">\n" + catch2_case("one", kPassed) + catch2_case("two", kCrashed),
               1.0, events);
  batch.ended(SIGSEGV, false, 1.5, events);
  const auto finished = only<CaseFinished>(events);
  ASSERT_EQ(finished.size(), 2u);
  EXPECT_EQ(finished[0].result.outcome, Outcome::passed);
  EXPECT_EQ(finished[1].result.case_index, 1u);
  EXPECT_EQ(finished[1].result.outcome, Outcome::crashed);
  EXPECT_EQ(finished[1].result.message, "the test framework caught a fatal signal in the case");
  const auto batch_finished = only<BatchFinished>(events);
  ASSERT_EQ(batch_finished.size(), 1u);
  EXPECT_EQ(batch_finished[0].not_started, (std::vector<std::size_t>{2}));
}

// A doctest process killed in a case that had not reported: that case crashed.
TEST(StreamedBatch, ACaseRunningWhenTheProcessDiesCrashed) {
  const Manifest manifest = three_cases(Framework::doctest);
  DoctestBatch batch(manifest, whole_batch(), 1 << 20);
  ExecutorEvents events;
  batch.output("<doctest>\n  <TestSuite>\n    <TestCase name=\"one\" filename=\"d.cc\" line=\"1\">\nboom", 1.0, events);
  batch.ended(SIGKILL, false, 2.0, events);
  const auto finished = only<CaseFinished>(events);
  ASSERT_EQ(finished.size(), 1u);
  EXPECT_EQ(finished[0].result.outcome, Outcome::crashed);
  EXPECT_EQ(finished[0].result.output, "boom");
  EXPECT_EQ(only<BatchFinished>(events)[0].not_started, (std::vector<std::size_t>{1, 2}));
}

// Under a LAUNCHER the exit status judges the case, so a process runs one.
TEST(StreamedBatch, UnderALauncherAProcessRunsOneCaseAndItsExitStatusCounts) {
  Manifest manifest = three_cases(Framework::catch2);
  manifest.targets[0].launcher = {"valgrind", "--error-exitcode=1"};
  Catch2Batch batch(manifest, whole_batch(), 1 << 20);
  EXPECT_EQ(batch.arguments().front(), "one");
  ExecutorEvents events;
  batch.output(catch2_case("one", kPassed), 1.0, events);
  EXPECT_TRUE(only<CaseFinished>(events).empty());  // held until the exit is known
  batch.output("==1== 4,096 bytes in 1 blocks are definitely lost\n", 1.1, events);
  batch.ended(W_EXITCODE(1, 0), false, 1.2, events);
  const auto finished = only<CaseFinished>(events);
  ASSERT_EQ(finished.size(), 1u);
  EXPECT_EQ(finished[0].result.outcome, Outcome::failed);
  EXPECT_NE(finished[0].result.message.find("exited with status 1 after the case passed"), std::string::npos);
  EXPECT_NE(finished[0].result.output.find("definitely lost"), std::string::npos);
  EXPECT_EQ(only<BatchFinished>(events)[0].not_started, (std::vector<std::size_t>{1, 2}));
}

TEST(StreamedBatch, UnderALauncherACleanExitKeepsThePass) {
  Manifest manifest = three_cases(Framework::catch2);
  manifest.targets[0].launcher = {"qemu-aarch64"};
  Catch2Batch batch(manifest, Batch{0, 0, {2}, {}}, 1 << 20);
  ExecutorEvents events;
  batch.output(catch2_case("three", kPassed), 1.0, events);
  batch.ended(W_EXITCODE(0, 0), false, 1.2, events);
  const auto finished = only<CaseFinished>(events);
  ASSERT_EQ(finished.size(), 1u);
  EXPECT_EQ(finished[0].result.outcome, Outcome::passed);
}

}  // namespace
