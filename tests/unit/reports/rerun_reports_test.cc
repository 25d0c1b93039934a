// What the JSON and JUnit reports keep of a case that ran again (--reruns).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "reports/json_report.h"
#include "reports/junit_report.h"
#include "test_support/builders.h"

using namespace ptest;
using namespace ptest::testing;

namespace {

Manifest two_cases() { return make_manifest(1, {make_case("S", "Flaky"), make_case("S", "Broken")}); }

CaseResult attempt(std::size_t case_index, Outcome outcome, int worker, double start, std::string output) {
  CaseResult result = make_result(case_index, outcome, worker, start, start + 0.5);
  result.output = std::move(output);
  return result;
}

// S.Flaky failed, then passed; S.Broken failed, crashed, then failed.
template <class Report>
void feed(Report& report, const Manifest& manifest) {
  report.run_started(RunStart{2, 2, "worksteal", "abc"});
  CaseResult flaky = attempt(0, Outcome::flaky, 1, 2, "passing output");
  flaky.earlier_attempts = {attempt(0, Outcome::failed, 0, 0, "expected 1 < 2")};
  report.case_finished(manifest.cases[0], flaky);
  CaseResult broken = attempt(1, Outcome::failed, 0, 5, "third");
  broken.earlier_attempts = {attempt(1, Outcome::failed, 0, 1, "first"), attempt(1, Outcome::crashed, 1, 3, "second")};
  broken.earlier_attempts[1].message = "killed by SIGSEGV";
  report.case_finished(manifest.cases[1], broken);
  RunSummary summary;
  summary.flaky = summary.failed = 1;
  report.run_finished(summary);
}

}  // namespace

TEST(RerunReports, JsonKeepsEveryAttemptOfACaseThatRanAgain) {
  const Manifest manifest = two_cases();
  JsonReport report(manifest);
  feed(report, manifest);
  const auto document = nlohmann::json::parse(report.render());
  EXPECT_EQ(document["summary"]["flaky"], 1);
  const auto& flaky = document["cases"][0];
  EXPECT_EQ(flaky["outcome"], "flaky");
  EXPECT_FALSE(flaky.contains("output"));  // it passed in the end
  ASSERT_EQ(flaky["attempts"].size(), 2u);
  EXPECT_EQ(flaky["attempts"][0]["outcome"], "failed");
  EXPECT_EQ(flaky["attempts"][0]["worker"], "gw0");
  EXPECT_EQ(flaky["attempts"][0]["output"], "expected 1 < 2");
  EXPECT_EQ(flaky["attempts"][0]["duration"], 0.5);
  EXPECT_EQ(flaky["attempts"][1]["outcome"], "passed");
  EXPECT_EQ(flaky["attempts"][1]["worker"], "gw1");
  EXPECT_FALSE(flaky["attempts"][1].contains("output"));
  const auto& broken = document["cases"][1];
  EXPECT_EQ(broken["outcome"], "failed");
  ASSERT_EQ(broken["attempts"].size(), 3u);
  EXPECT_EQ(broken["attempts"][1]["outcome"], "crashed");
  EXPECT_EQ(broken["attempts"][1]["message"], "killed by SIGSEGV");
  EXPECT_EQ(broken["attempts"][2]["output"], "third");
}

TEST(RerunReports, JsonHasNoAttemptsForACaseThatRanOnce) {
  const Manifest manifest = two_cases();
  JsonReport report(manifest);
  report.case_finished(manifest.cases[0], make_result(0, Outcome::failed));
  const auto document = nlohmann::json::parse(report.render());
  EXPECT_FALSE(document["cases"][0].contains("attempts"));
}

TEST(RerunReports, JunitWritesFlakyAndRerunElementsAsSurefireDoes) {
  const Manifest manifest = two_cases();
  JunitReport report(manifest);
  feed(report, manifest);
  const std::string xml = report.render();
  EXPECT_NE(xml.find("<testsuites name=\"ptest\" tests=\"2\" failures=\"1\" errors=\"0\""), std::string::npos) << xml;
  EXPECT_NE(xml.find("time=\"0.500\">\n"
                     "      <flakyFailure message=\"failed\" type=\"failed\">\n"
                     "        <stackTrace>expected 1 &lt; 2</stackTrace>\n"
                     "      </flakyFailure>\n"
                     "    </testcase>\n"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<failure type=\"failed\" message=\"failed\">third</failure>\n"
                     "      <rerunFailure message=\"failed\" type=\"failed\">\n"
                     "        <stackTrace>first</stackTrace>\n"
                     "      </rerunFailure>\n"
                     "      <rerunError message=\"killed by SIGSEGV\" type=\"crashed\">\n"
                     "        <stackTrace>second</stackTrace>\n"
                     "      </rerunError>\n"
                     "    </testcase>\n"),
            std::string::npos)
      << xml;
}
