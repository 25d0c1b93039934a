#include "execution/catch2_output_parser.h"

#include <gtest/gtest.h>

#include "test_support/case_stream_recorder.h"

using namespace ptest;
using ptest::testing::CaseStreamRecorder;

namespace {

// What `catch2_bin "a\, b,fails,crashes" --reporter xml` prints, the crash
// caught by Catch2's signal handler before the process dies of it.
const char* kRun =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<Catch name=\"c2\" filters=\"a\\, b,fails,crashes\">\n"
    "  <Group name=\"c2\">\n"
    "    <TestCase name=\"a, b &amp; &quot;c&quot;\" tags=\"[smoke]\" filename=\"c2.cc\" line=\"6\">\n"
    "      <OverallResult success=\"true\" durationInSeconds=\"0.25\"/>\n"
    "    </TestCase>\n"
    "    <TestCase name=\"fails\" tags=\"[math]\" filename=\"c2.cc\" line=\"7\">\n"
    "hello out\n"
    "      <Expression success=\"false\" type=\"CHECK\" filename=\"c2.cc\" line=\"7\">\n"
    "        <Original>\n"
    "          1 == 2\n"
    "        </Original>\n"
    "      </Expression>\n"
    "      <OverallResult success=\"false\" durationInSeconds=\"2.4e-05\"/>\n"
    "    </TestCase>\n"
    "    <TestCase name=\"crashes\" tags=\"[crash]\" filename=\"c2.cc\" line=\"9\">\n"
    "      <FatalErrorCondition filename=\"c2.cc\" line=\"9\">\n"
    "        SIGABRT - Abort (abnormal termination) signal\n"
    "      </FatalErrorCondition>\n"
    "      <OverallResult success=\"false\" durationInSeconds=\"2.3e-05\"/>\n"
    "    </TestCase>\n";

TEST(Catch2OutputParser, ReportsEachCaseWithOutcomeDurationAndOutput) {
  Catch2OutputParser parser(1 << 20);
  CaseStreamRecorder recorder;
  parser.feed(kRun, recorder);
  EXPECT_EQ(recorder.started, (std::vector<std::string>{"a, b & \"c\"", "fails", "crashes"}));
  ASSERT_EQ(recorder.finished.size(), 3u);
  EXPECT_EQ(recorder.finished[0].outcome, Outcome::passed);
  EXPECT_DOUBLE_EQ(recorder.finished[0].seconds, 0.25);
  EXPECT_EQ(recorder.finished[1].outcome, Outcome::failed);
  EXPECT_NE(recorder.finished[1].output.find("hello out"), std::string::npos);
  EXPECT_NE(recorder.finished[1].output.find("1 == 2"), std::string::npos);
  EXPECT_EQ(recorder.finished[2].outcome, Outcome::crashed);
  EXPECT_NE(recorder.finished[2].output.find("SIGABRT"), std::string::npos);
  EXPECT_FALSE(parser.running_case());
}

TEST(Catch2OutputParser, SameResultWhenFedOneByteAtATime) {
  Catch2OutputParser whole(1 << 20), bytes(1 << 20);
  CaseStreamRecorder at_once, byte_by_byte;
  whole.feed(kRun, at_once);
  for (const char* c = kRun; *c; ++c) bytes.feed(std::string_view(c, 1), byte_by_byte);
  EXPECT_EQ(byte_by_byte.started, at_once.started);
  ASSERT_EQ(byte_by_byte.finished.size(), at_once.finished.size());
  for (std::size_t i = 0; i < at_once.finished.size(); ++i) {
    EXPECT_EQ(byte_by_byte.finished[i].outcome, at_once.finished[i].outcome);
    EXPECT_EQ(byte_by_byte.finished[i].output, at_once.finished[i].output);
  }
}

// Catch2 flushes the opening tag before its newline: a case that hangs
// right away has started all the same, so its timeout can run.
TEST(Catch2OutputParser, AnOpeningTagWithoutItsNewlineStartsTheCase) {
  Catch2OutputParser parser(1 << 20);
  CaseStreamRecorder recorder;
  parser.feed("<Catch name=\"c2\">\n  <Group name=\"c2\">\n    <TestCase name=\"hangs\" filename=\"c2.cc\" line=\"3\">",
              recorder);
  EXPECT_EQ(recorder.started, (std::vector<std::string>{"hangs"}));
  parser.feed("\nworking\n", recorder);
  EXPECT_EQ(recorder.started.size(), 1u);
  ASSERT_TRUE(parser.running_case());
  EXPECT_EQ(*parser.running_case(), "hangs");
  EXPECT_EQ(parser.running_output(), "working\n");
}

TEST(Catch2OutputParser, SkipsFromCatch2ThreeAreSkipped) {
  Catch2OutputParser parser(1 << 20);
  CaseStreamRecorder recorder;
  parser.feed("<TestCase name=\"s\">\n<OverallResult success=\"true\" skips=\"1\"/>\n</TestCase>\n", recorder);
  ASSERT_EQ(recorder.finished.size(), 1u);
  EXPECT_EQ(recorder.finished[0].outcome, Outcome::skipped);
}

TEST(Catch2OutputParser, OutputOutsideCasesIsStray) {
  Catch2OutputParser parser(1 << 20);
  CaseStreamRecorder recorder;
  parser.feed("static init says hi\n<Catch name=\"c2\">\n", recorder);
  EXPECT_TRUE(recorder.started.empty());
  EXPECT_NE(parser.stray_output().find("static init says hi"), std::string::npos);
}

}  // namespace

namespace {

// A case that prints without a newline: the reporter's next element
// follows on the same line, and still counts.
TEST(Catch2OutputParser, AnElementAfterOutputWithoutNewlineCounts) {
  Catch2OutputParser parser(1 << 20);
  CaseStreamRecorder recorder;
  parser.feed("<TestCase name=\"t\">\nvector<int> ok      <OverallResult success=\"true\"/>\ndone</TestCase>\n", recorder);
  ASSERT_EQ(recorder.finished.size(), 1u);
  EXPECT_EQ(recorder.finished[0].outcome, Outcome::passed);
  EXPECT_NE(recorder.finished[0].output.find("vector<int> ok"), std::string::npos);
  EXPECT_NE(recorder.finished[0].output.find("done"), std::string::npos);
}

}  // namespace
