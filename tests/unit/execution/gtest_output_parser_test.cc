#include "execution/gtest_output_parser.h"

#include <gtest/gtest.h>

#include <vector>

#include "test_support/case_stream_recorder.h"

using namespace ptest;

namespace {

using Recorder = ptest::testing::CaseStreamRecorder;

const char* kRun =
    "Running main() from gtest_main.cc\n"
    "[==========] Running 3 tests from 2 test suites.\n"
    "[ RUN      ] A.One\n"
    "hello\n"
    "[       OK ] A.One (12 ms)\n"
    "[ RUN      ] A.Fail\n"
    "t.cc:5: Failure\n"
    "[  FAILED  ] A.Fail (0 ms)\n"
    "[ RUN      ] Gen/P.Case/0\n"
    "t.cc:9: Skipped\n"
    "[  SKIPPED ] Gen/P.Case/0, where GetParam() = \"a b\" (1 ms)\n"
    "[==========] 3 tests ran.\n"
    "[  FAILED  ] A.Fail\n";

}  // namespace

TEST(GtestOutputParser, ReportsEachCaseWithOutcomeTimeAndOutput) {
  GtestOutputParser parser(1 << 20);
  Recorder recorder;
  parser.feed(kRun, recorder);
  EXPECT_EQ(recorder.started, (std::vector<std::string>{"A.One", "A.Fail", "Gen/P.Case/0"}));
  ASSERT_EQ(recorder.finished.size(), 3u);
  EXPECT_EQ(recorder.finished[0].outcome, Outcome::passed);
  EXPECT_DOUBLE_EQ(recorder.finished[0].seconds, 0.012);
  EXPECT_EQ(recorder.finished[0].output, "hello\n");
  EXPECT_EQ(recorder.finished[1].outcome, Outcome::failed);
  EXPECT_EQ(recorder.finished[1].output, "t.cc:5: Failure\n");
  EXPECT_EQ(recorder.finished[2].name, "Gen/P.Case/0");
  EXPECT_EQ(recorder.finished[2].outcome, Outcome::skipped);
  EXPECT_FALSE(parser.running_case());
}

TEST(GtestOutputParser, AResultLineWithoutATimeHasNoReportedDuration) {
  GtestOutputParser parser(1 << 20);
  Recorder recorder;
  parser.feed("[ RUN      ] A.One\n[       OK ] A.One\n[ RUN      ] A.Two\n[       OK ] A.Two (0 ms)\n", recorder);
  ASSERT_EQ(recorder.finished.size(), 2u);
  EXPECT_LT(recorder.finished[0].seconds, 0);
  EXPECT_DOUBLE_EQ(recorder.finished[1].seconds, 0);
}

TEST(GtestOutputParser, SameResultWhenFedOneByteAtATime) {
  GtestOutputParser parser(1 << 20);
  Recorder recorder;
  for (const char* c = kRun; *c; ++c) parser.feed(std::string_view(c, 1), recorder);
  ASSERT_EQ(recorder.finished.size(), 3u);
  EXPECT_EQ(recorder.finished[1].name, "A.Fail");
  EXPECT_EQ(recorder.finished[0].output, "hello\n");
}

TEST(GtestOutputParser, ResultTagAfterOutputWithoutNewline) {
  GtestOutputParser parser(1 << 20);
  Recorder recorder;
  parser.feed("[ RUN      ] A.B\nno newline[       OK ] A.B (0 ms)\n", recorder);
  ASSERT_EQ(recorder.finished.size(), 1u);
  EXPECT_EQ(recorder.finished[0].output, "no newline");
}

TEST(GtestOutputParser, ResultLineOfAnotherCaseNameIsOutput) {
  GtestOutputParser parser(1 << 20);
  Recorder recorder;
  // A.Bc is not A.B: the line is the test's own output.
  parser.feed("[ RUN      ] A.B\n[       OK ] A.Bc (0 ms)\n", recorder);
  EXPECT_TRUE(recorder.finished.empty());
  ASSERT_TRUE(parser.running_case());
  EXPECT_EQ(*parser.running_case(), "A.B");
  EXPECT_EQ(parser.running_output(), "[       OK ] A.Bc (0 ms)\n");
}

TEST(GtestOutputParser, CaseStillRunningWhenOutputStops) {
  GtestOutputParser parser(1 << 20);
  Recorder recorder;
  parser.feed("[ RUN      ] A.Crash\nabout to crash\npartial", recorder);
  ASSERT_TRUE(parser.running_case());
  EXPECT_EQ(*parser.running_case(), "A.Crash");
  EXPECT_EQ(parser.running_output(), "about to crash\npartial");
}

TEST(GtestOutputParser, OutputOutsideCasesIsStray) {
  GtestOutputParser parser(1 << 20);
  Recorder recorder;
  parser.feed("static init failed\n", recorder);
  EXPECT_EQ(parser.stray_output(), "static init failed\n");
}

TEST(GtestOutputParser, HugeLineWithoutNewlineStaysBounded) {
  GtestOutputParser parser(1000);
  Recorder recorder;
  parser.feed("[ RUN      ] A.Big\n", recorder);
  const std::string block(100000, 'x');
  for (int i = 0; i < 100; ++i) parser.feed(block, recorder);
  parser.feed("\n[       OK ] A.Big (5 ms)\n", recorder);
  ASSERT_EQ(recorder.finished.size(), 1u);
  EXPECT_LT(recorder.finished[0].output.size(), 2000u);
  EXPECT_NE(recorder.finished[0].output.find("bytes of output cut here"), std::string::npos);
}
