#include "execution/doctest_output_parser.h"

#include <gtest/gtest.h>

#include "test_support/case_stream_recorder.h"

using namespace ptest;
using ptest::testing::CaseStreamRecorder;

namespace {

// What `doctest_bin --test-case=... --reporters=xml` prints: a case the
// filter left out is an empty <TestCase .../>, and a crash is caught by
// doctest's signal handler before the process dies of it.
const char* kRun =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<doctest binary=\"./dt\" version=\"2.4.9\">\n"
    "  <Options order_by=\"file\" rand_seed=\"0\"/>\n"
    "  <TestSuite name=\"math\">\n"
    "    <TestCase name=\"left out\" filename=\"dt.cc\" line=\"5\" skipped=\"true\"/>\n"
    "    <TestCase name=\"adds, numbers\" filename=\"dt.cc\" line=\"6\">\n"
    "      <OverallResultsAsserts successes=\"1\" failures=\"0\" test_case_success=\"true\"/>\n"
    "    </TestCase>\n"
    "    <TestCase name=\"fails\" filename=\"dt.cc\" line=\"7\">\n"
    "out\n"
    "      <Expression success=\"false\" type=\"CHECK\" filename=\"dt.cc\" line=\"7\">\n"
    "      </Expression>\n"
    "      <OverallResultsAsserts successes=\"0\" failures=\"1\" test_case_success=\"false\"/>\n"
    "    </TestCase>\n"
    "  </TestSuite>\n"
    "  <TestSuite>\n"
    "    <TestCase name=\"crashes\" filename=\"dt.cc\" line=\"10\">\n"
    "      <Exception crash=\"true\">\n"
    "        SIGABRT - Abort (abnormal termination) signal\n"
    "      </Exception>\n"
    "      <OverallResultsAsserts successes=\"0\" failures=\"0\" test_case_success=\"false\"/>\n"
    "    </TestCase>\n"
    "  </TestSuite>\n";

TEST(DoctestOutputParser, ReportsEachCaseThatRanWithItsOutcomeAndOutput) {
  DoctestOutputParser parser(1 << 20);
  CaseStreamRecorder recorder;
  parser.feed(kRun, recorder);
  EXPECT_EQ(recorder.started, (std::vector<std::string>{"adds, numbers", "fails", "crashes"}));
  ASSERT_EQ(recorder.finished.size(), 3u);
  EXPECT_EQ(recorder.finished[0].outcome, Outcome::passed);
  EXPECT_LT(recorder.finished[0].seconds, 0);  // doctest gives no duration: the runner's clock times it
  EXPECT_EQ(recorder.finished[1].outcome, Outcome::failed);
  EXPECT_NE(recorder.finished[1].output.find("out\n"), std::string::npos);
  EXPECT_EQ(recorder.finished[2].outcome, Outcome::crashed);
}

TEST(DoctestOutputParser, ACaseWithoutAResultWhenTheProcessDiesIsStillRunning) {
  DoctestOutputParser parser(1 << 20);
  CaseStreamRecorder recorder;
  parser.feed("<doctest>\n<TestSuite>\n<TestCase name=\"dies\" filename=\"dt.cc\" line=\"3\">\npartial", recorder);
  EXPECT_EQ(recorder.started, (std::vector<std::string>{"dies"}));
  EXPECT_TRUE(recorder.finished.empty());
  ASSERT_TRUE(parser.running_case());
  EXPECT_EQ(parser.running_output(), "partial");
}

}  // namespace
