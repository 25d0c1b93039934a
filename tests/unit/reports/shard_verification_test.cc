#include "reports/shard_verification.h"

#include <gtest/gtest.h>

using namespace ptest;

namespace {

// Shard `index` of `total` of plan `digest`, which selected `planned` cases and gave it `ids`.
ReportFile shard_report(int index, int total, std::vector<std::string> ids, std::size_t planned,
                        const std::string& digest = "d1") {
  ReportFile report;
  report.path = "report-" + std::to_string(index) + ".json";
  report.shard = ReportedShard{index, total, digest, planned, ids.size()};
  for (const std::string& id : ids) {
    ReportedCase reported;
    reported.id = id;
    reported.outcome = "passed";
    reported.shard = index;
    report.cases.push_back(reported);
  }
  report.selected = report.cases.size();
  return report;
}

bool mentions(const std::vector<std::string>& problems, const std::string& text) {
  for (const std::string& problem : problems)
    if (problem.find(text) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST(ShardVerification, ShardsThatRanThePlanExactlyOncePass) {
  EXPECT_TRUE(verify_shards({shard_report(1, 2, {"a", "b"}, 3), shard_report(2, 2, {"c"}, 3)}).empty());
}

TEST(ShardVerification, AMissingShardIsNamed) {
  const auto problems = verify_shards({shard_report(1, 2, {"a", "b"}, 3)});
  EXPECT_TRUE(mentions(problems, "shard 2/2: no report"));
  EXPECT_TRUE(mentions(problems, "ran 2 distinct cases, the plan selected 3"));
}

TEST(ShardVerification, ACaseRunTwiceIsListedWithItsShards) {
  const auto problems = verify_shards({shard_report(1, 2, {"a", "b"}, 3), shard_report(2, 2, {"b", "c"}, 3)});
  EXPECT_TRUE(mentions(problems, "ran 2 times (shards 1, 2): b"));
}

TEST(ShardVerification, AShardThatRanEverythingIsCaught) {
  ReportFile everything;
  everything.path = "everything.json";
  const auto problems = verify_shards({shard_report(1, 2, {"a", "b"}, 3), everything});
  EXPECT_TRUE(mentions(problems, "report 'everything.json': not from a --shard run"));
}

TEST(ShardVerification, AShardThatStoppedEarlyIsCaught) {
  ReportFile stopped = shard_report(2, 2, {"c"}, 3);
  stopped.shard->shard_selected = 2;  // its plan gave it two cases; one did not run
  const auto problems = verify_shards({shard_report(1, 2, {"a", "b"}, 4), stopped});
  EXPECT_TRUE(mentions(problems, "shard 2/2 ran 1 cases, its plan gave it 2"));
}

TEST(ShardVerification, ShardsOfDifferentPlansAreCaught) {
  const std::vector<ReportFile> reports = {shard_report(1, 2, {"a"}, 2, "d1"), shard_report(2, 2, {"b"}, 2, "d2")};
  EXPECT_TRUE(mentions(verify_shards(reports), "did not share their inputs"));
  EXPECT_NE(different_plans(reports).find("report 'report-2.json': plan d2"), std::string::npos);
  EXPECT_TRUE(different_plans({shard_report(1, 2, {"a"}, 2), shard_report(2, 2, {"b"}, 2)}).empty());
}

TEST(ShardVerification, AShardReportedTwiceIsNamed) {
  const auto problems = verify_shards({shard_report(1, 2, {"a"}, 2), shard_report(1, 2, {"a"}, 2)});
  EXPECT_TRUE(mentions(problems, "shard 1/2: reported 2 times"));
  EXPECT_TRUE(mentions(problems, "shard 2/2: no report"));
}

// Seen as a fuzz_report_file timeout: a report of shard 1/2147483647 made --verify
// loop over every shard number, a line each.
TEST(ShardVerification, ManyMissingShardsAreNamedFirstThenCounted) {
  const auto problems = verify_shards({shard_report(3, 2147483647, {"a"}, 1)});
  EXPECT_TRUE(mentions(problems, "shard 1/2147483647: no report"));
  EXPECT_TRUE(mentions(problems, "shard 11/2147483647: no report"));  // 3 is there: the first ten missing
  EXPECT_FALSE(mentions(problems, "shard 3/2147483647: no report"));
  EXPECT_FALSE(mentions(problems, "shard 12/2147483647: no report"));
  EXPECT_TRUE(mentions(problems, "2147483636 more of the 2147483647 shards: no report"));
}

TEST(ShardVerification, CasesAShardDidNotFinishAreNamed) {
  ReportFile stopped = shard_report(2, 2, {"c"}, 3);
  stopped.shard->shard_selected = 2;
  stopped.shard->not_run = {"d"};
  const auto problems = verify_shards({shard_report(1, 2, {"a"}, 3), stopped});
  EXPECT_TRUE(mentions(problems, "did not run (shard 2/2): d"));
}
