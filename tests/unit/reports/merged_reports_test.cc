#include "reports/merged_reports.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

using namespace ptest;

namespace {

ReportedCase reported(const std::string& id, const std::string& outcome, double duration, int shard) {
  ReportedCase c;
  c.id = id;
  c.outcome = outcome;
  c.duration = duration;
  c.stop = duration;
  c.shard = shard;
  c.worker = "gw0";
  return c;
}

std::vector<ReportFile> two_shards() {
  ReportFile first, second;
  first.path = "r1.json";
  first.duration = 2.0;
  first.selected = 2;
  first.workers = 2;
  first.shard = ReportedShard{1, 2, "d", 3, 2};
  first.cases = {reported("bin::A.Pass", "passed", 0.5, 1), reported("bin::A.Fail", "failed", 1.5, 1)};
  second.path = "r2.json";
  second.duration = 3.0;
  second.selected = 1;
  second.workers = 2;
  second.not_run = 0;
  second.shard = ReportedShard{2, 2, "d", 3, 1};
  second.cases = {reported("plain_check", "skipped", 0, 2)};
  return {first, second};
}

}  // namespace

TEST(MergedReports, TheSummaryIsRecomputedAndEachCaseKeepsItsShard) {
  const auto document = nlohmann::json::parse(render_merged_json(two_shards()));
  EXPECT_EQ(document["summary"]["selected"], 3);
  EXPECT_EQ(document["summary"]["passed"], 1);
  EXPECT_EQ(document["summary"]["failed"], 1);
  EXPECT_EQ(document["summary"]["skipped"], 1);
  EXPECT_EQ(document["summary"]["duration"], 3.0);  // the slowest shard: they ran at once
  EXPECT_EQ(document["workers"], 4);
  ASSERT_EQ(document["cases"].size(), 3u);
  EXPECT_EQ(document["cases"][1]["shard"], 1);
  EXPECT_EQ(document["cases"][2]["shard"], 2);
  EXPECT_EQ(document["merged_from"][1]["report"], "r2.json");
  EXPECT_EQ(document["merged_from"][1]["plan_digest"], "d");
}

// A shard's leaked processes stay on their case and count in the merged summary.
TEST(MergedReports, LeaksStayOnTheirCaseAndAreCounted) {
  std::vector<ReportFile> reports = two_shards();
  reports[0].cases[0].leaks = {{4242, "my-daemon --port 8080"}, {4243, "sleep 300"}};
  reports[1].cases[0].leaks = {{77, "helper"}};
  const auto document = nlohmann::json::parse(render_merged_json(reports));
  EXPECT_EQ(document["summary"]["leaked"], 3);
  EXPECT_EQ(document["cases"][0]["leaks"][1]["command_line"], "sleep 300");
  EXPECT_EQ(document["cases"][2]["leaks"][0]["pid"], 77);
  EXPECT_FALSE(document["cases"][1].contains("leaks"));
  EXPECT_NE(render_merged_junit(reports).find("my-daemon --port 8080"), std::string::npos);
}

TEST(MergedReports, JunitHasEveryCaseOncePerBinary) {
  const std::string xml = render_merged_junit(two_shards());
  EXPECT_NE(xml.find("<testsuites name=\"ptest\" tests=\"3\" failures=\"1\" errors=\"0\" skipped=\"1\""),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<testsuite name=\"bin\" tests=\"2\""), std::string::npos) << xml;
  EXPECT_NE(xml.find("classname=\"A\" name=\"Fail\""), std::string::npos) << xml;
  EXPECT_NE(xml.find("name=\"plain_check\""), std::string::npos) << xml;  // a plain case: no suite
}

TEST(MergedReports, HistoryLearnsFromWhatRanNotFromSkips) {
  const History history = merged_history(two_shards());
  EXPECT_EQ(history.size(), 2u);
  EXPECT_DOUBLE_EQ(history.at("bin::A.Fail").duration, 1.5);
  EXPECT_TRUE(history.at("bin::A.Fail").failed);
  EXPECT_FALSE(history.at("bin::A.Pass").failed);
}
