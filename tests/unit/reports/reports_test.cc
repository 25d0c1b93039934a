#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "reports/json_report.h"
#include "reports/junit_report.h"
#include "test_support.h"

using namespace ptest;
using ptest::testing::make_case;
using ptest::testing::make_manifest;

namespace {

Manifest sample() {
  return make_manifest(2, {make_case("A", "Pass", 0), make_case("A", "Fail<&>", 0), make_case("B", "Crash", 1),
                           make_case("B", "Skip", 1)});
}

template <class Report>
void feed(Report& report, const Manifest& manifest) {
  report.run_started(RunStart{4, 2, "worksteal", "abc"});
  const Outcome outcomes[] = {Outcome::passed, Outcome::failed, Outcome::crashed, Outcome::skipped};
  // Results arrive out of manifest order, as they do from several workers.
  for (std::size_t i : {3u, 1u, 0u, 2u}) {
    CaseResult result;
    result.case_index = i;
    result.outcome = outcomes[i];
    result.worker = static_cast<int>(i % 2);
    result.start = static_cast<double>(i);
    result.stop = static_cast<double>(i) + 0.5;
    if (i == 1) result.output = "expected 1 < 2 \"quoted\" \x01 bell";
    if (i == 2) result.message = "killed by SIGSEGV";
    report.case_finished(manifest.cases[i], result);
  }
  RunSummary summary;
  summary.passed = summary.failed = summary.crashed = summary.skipped = 1;
  summary.duration = 4.2;
  report.run_finished(summary);
}

}  // namespace

TEST(SummaryLine, CountsNonZeroOutcomesAndTime) {
  RunSummary summary;
  summary.passed = 12;
  summary.failed = 1;
  summary.skipped = 2;
  summary.duration = 0.844;
  EXPECT_EQ(summary_line(summary), "12 passed, 1 failed, 2 skipped in 0.84s");
  EXPECT_EQ(summary_line(RunSummary{}), "0 passed in 0.00s");
}

TEST(JsonReport, EveryCaseWithOutcomeDurationWorkerAndTimes) {
  const Manifest manifest = sample();
  JsonReport report(manifest);
  feed(report, manifest);
  const auto document = nlohmann::json::parse(report.render());
  ASSERT_EQ(document["cases"].size(), 4u);
  const auto& crash = document["cases"][2];
  EXPECT_EQ(crash["id"], "bin1::B.Crash");
  EXPECT_EQ(crash["outcome"], "crashed");
  EXPECT_EQ(crash["worker"], "gw0");
  EXPECT_DOUBLE_EQ(crash["start"].get<double>(), 2.0);
  EXPECT_DOUBLE_EQ(crash["stop"].get<double>(), 2.5);
  EXPECT_DOUBLE_EQ(crash["duration"].get<double>(), 0.5);
  EXPECT_EQ(crash["message"], "killed by SIGSEGV");
  EXPECT_EQ(document["cases"][1]["id"], "bin0::A.Fail<&>");
  EXPECT_EQ(document["summary"]["failed"], 1);
  EXPECT_EQ(document["testrun_uid"], "abc");
}

TEST(JunitReport, OneSuitePerTargetWithEscapedText) {
  const Manifest manifest = sample();
  JunitReport report(manifest);
  feed(report, manifest);
  const std::string xml = report.render();
  EXPECT_NE(xml.find("<testsuites name=\"ptest\" tests=\"4\" failures=\"1\" errors=\"1\" skipped=\"1\""),
            std::string::npos) << xml;
  EXPECT_NE(xml.find("<testsuite name=\"bin0\" tests=\"2\" failures=\"1\" errors=\"0\""), std::string::npos) << xml;
  EXPECT_NE(xml.find("name=\"Fail&lt;&amp;&gt;\""), std::string::npos) << xml;
  EXPECT_NE(xml.find("expected 1 &lt; 2 &quot;quoted&quot; ? bell</failure>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<error type=\"crashed\" message=\"killed by SIGSEGV\">"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<skipped message=\"skipped\"/>"), std::string::npos) << xml;
}

TEST(SummaryLine, CountsFlakyCasesApartFromThePassedOnes) {
  RunSummary summary;
  summary.passed = 3;
  summary.flaky = 2;
  EXPECT_EQ(summary_line(summary), "3 passed, 2 flaky in 0.00s");
}

TEST(JunitReport, ClassnameIsTheSuiteAndEachSuiteSaysWhenAndWhereItRan) {
  const Manifest manifest = sample();
  JunitReport report(manifest);
  report.set_context("build-host", 1700000000);  // 2023-11-14T22:13:20Z
  feed(report, manifest);
  const std::string xml = report.render();
  EXPECT_NE(xml.find("<testcase classname=\"A\" name=\"Pass\" file=\"a_test.cc\" line=\"1\" time=\"0.500\"/>"),
            std::string::npos) << xml;
  EXPECT_NE(xml.find("<testsuite name=\"bin0\" tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"0\" time=\"1.000\" "
                     "timestamp=\"2023-11-14T22:13:20\" hostname=\"build-host\" id=\"0\">"),
            std::string::npos) << xml;
  // bin1's first case started 2 s into the run.
  EXPECT_NE(xml.find("timestamp=\"2023-11-14T22:13:22\" hostname=\"build-host\" id=\"1\""), std::string::npos) << xml;
}

TEST(JunitReport, AFailureMessageIsGoogleTestsFailureLineAndTheLineAfterIt) {
  const Manifest manifest = sample();
  JunitReport report(manifest);
  report.run_started(RunStart{1, 1, "no", "u"});
  CaseResult result;
  result.case_index = 1;
  result.outcome = Outcome::failed;
  result.output = "setting up\nsrc/a_test.cc:12: Failure\nExpected equality of these values:\n  1\n  2\n";
  report.case_finished(manifest.cases[1], result);
  report.run_finished(RunSummary{});
  const std::string xml = report.render();
  EXPECT_NE(xml.find("<failure type=\"failed\" message=\"src/a_test.cc:12: Failure: Expected equality of these "
                     "values:\">setting up\nsrc/a_test.cc:12: Failure\n"),
            std::string::npos) << xml;
}

TEST(JunitReport, ACaseWithoutASourceFileHasNoFileOrLineAttribute) {
  Manifest manifest = sample();
  manifest.cases[0].file.clear();
  JunitReport report(manifest);
  feed(report, manifest);
  EXPECT_NE(report.render().find("<testcase classname=\"A\" name=\"Pass\" time=\"0.500\"/>"), std::string::npos);
}

// A plain case's name is its suite's (`<target>::<target>`), and a Catch2
// case's suite is its file: neither is "<suite>.<test>", and both are named whole.
TEST(JunitReport, NamesThatAreNotSuiteDotTestAreWrittenWhole) {
  Manifest manifest = make_manifest(1, {make_case("A", "Pass", 0), make_case("A", "Pass", 0)});
  manifest.cases[0].suite = manifest.cases[0].name = "selfcheck";
  manifest.cases[1].suite = "shapes.cc";
  manifest.cases[1].name = "area, [of] squares";
  JunitReport report(manifest);
  report.run_started(RunStart{2, 1, "no", "u"});
  for (std::size_t i : {0u, 1u}) {
    CaseResult result;
    result.case_index = i;
    report.case_finished(manifest.cases[i], result);
  }
  report.run_finished(RunSummary{});
  const std::string xml = report.render();
  EXPECT_NE(xml.find("classname=\"selfcheck\" name=\"selfcheck\""), std::string::npos) << xml;
  EXPECT_NE(xml.find("classname=\"shapes.cc\" name=\"area, [of] squares\""), std::string::npos) << xml;
}
