#include "reports/html_report.h"

#include <gtest/gtest.h>

#include "test_support/sample_run.h"

using namespace ptest;
using namespace ptest::testing;

namespace {

std::string sample_page() {
  const Manifest manifest = sample_run_manifest();
  Timeline timeline;
  HtmlReport html(manifest, timeline);
  Reporters both;
  both.add(timeline);
  both.add(html);
  play_sample_run(both, manifest);
  return html.render();
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST(HtmlReport, IsOnePageThatLoadsNothingFromElsewhere) {
  const std::string page = sample_page();
  EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(page.find("src="), std::string::npos);
  EXPECT_EQ(page.find("href="), std::string::npos);
  EXPECT_EQ(page.find("@import"), std::string::npos);
  EXPECT_EQ(page.find("url("), std::string::npos);
}

TEST(HtmlReport, TheTimelineHasARowPerWorkerEachProcessAndEachCaseColouredByOutcome) {
  const std::string page = sample_page();
  EXPECT_NE(page.find("<svg id=\"timeline\""), std::string::npos);
  EXPECT_EQ(count(page, "<rect class=\"process\""), 3u);
  EXPECT_EQ(count(page, "<rect class=\"case\""), 4u);
  EXPECT_EQ(count(page, "<rect class=\"restart\""), 1u);
  EXPECT_NE(page.find("data-id=\"bin0::A.Fail\" data-outcome=\"failed\" data-duration=\"2.000\" data-worker=\"gw0\""),
            std::string::npos);
  // gw0's process runs 0-3 s of a 4 s run over 1000 px from x = 48.
  EXPECT_NE(page.find("<rect class=\"process\" x=\"48.00\" y=\"10.0\" width=\"750.00\""), std::string::npos) << page;
}

TEST(HtmlReport, FailuresComeWithLocationMessageAndEscapedOutput) {
  const std::string page = sample_page();
  EXPECT_NE(page.find("<h3 class=\"failed\">failed bin0::A.Fail</h3>"), std::string::npos) << page;
  EXPECT_NE(page.find("<h3 class=\"crashed\">crashed bin1::B.Crash</h3>"), std::string::npos);
  EXPECT_NE(page.find("<p>killed by SIGSEGV</p>"), std::string::npos);
  EXPECT_NE(page.find("<pre>a_test.cc:12: Failure\nExpected equality"), std::string::npos);
}

TEST(HtmlReport, TheSummaryWorkersAndSlowestCasesAreThere) {
  const std::string page = sample_page();
  EXPECT_NE(page.find("<span class=\"passed\">2 passed</span><span class=\"failed\">1 failed</span>"
                      "<span class=\"crashed\">1 crashed</span>"),
            std::string::npos) << page;
  EXPECT_NE(page.find("<tr><td>gw1</td><td class=\"n\">2</td><td class=\"n\">2</td><td class=\"n\">1.50s</td>"),
            std::string::npos);
  EXPECT_NE(page.find("balance 1.33 (busiest worker / mean)"), std::string::npos);
  EXPECT_LT(page.find("<td>bin0::A.Fail</td>"), page.find("<td>bin0::A.Pass</td>"));  // 2 s before 1 s
}

TEST(HtmlReport, NamesAreEscaped) {
  Manifest manifest = make_manifest(1, {make_case("S", "T<script>")});
  Timeline timeline;
  HtmlReport html(manifest, timeline);
  Reporters both;
  both.add(timeline);
  both.add(html);
  both.run_started(RunStart{1, 1, "no", "u"});
  both.batch_started(Batch{0, 0, {0}, {}}, 0);
  both.case_finished(manifest.cases[0], make_result(0, Outcome::failed, 0, 0, 1));
  both.batch_finished(BatchFinished{0, {}, false}, 1);
  both.run_finished(RunSummary{});
  const std::string page = html.render();
  EXPECT_EQ(page.find("T<script>"), std::string::npos);
  EXPECT_NE(page.find("T&lt;script&gt;"), std::string::npos);
}
