#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "reports/json_report.h"
#include "test_support.h"

using namespace ptest;
using ptest::testing::make_case;
using ptest::testing::make_manifest;
using ptest::testing::make_result;

TEST(JsonReportShard, RecordsTheShardThePlanAndWhatDidNotFinish) {
  const Manifest manifest = make_manifest(1, {make_case("S", "A"), make_case("S", "B"), make_case("S", "C")});
  JsonReport report(manifest);
  report.set_shard(ShardRecord{2, 3, "0123456789abcdef", 7, 2, {0, 2}});
  report.run_started(RunStart{2, 1, "worksteal", "uid"});
  report.case_finished(manifest.cases[0], make_result(0, Outcome::passed));
  report.run_finished(RunSummary{});
  const auto shard = nlohmann::json::parse(report.render())["shard"];
  EXPECT_EQ(shard["index"], 2);
  EXPECT_EQ(shard["total"], 3);
  EXPECT_EQ(shard["plan_digest"], "0123456789abcdef");
  EXPECT_EQ(shard["plan_selected"], 7);
  EXPECT_EQ(shard["shard_selected"], 2);
  EXPECT_EQ(shard["not_run"], nlohmann::json::array({"bin0::S.C"}));
}

TEST(JsonReportShard, AnUnshardedRunHasNoShardBlock) {
  const Manifest manifest = make_manifest(1, {make_case("S", "A")});
  JsonReport report(manifest);
  report.run_started(RunStart{1, 1, "worksteal", "uid"});
  report.run_finished(RunSummary{});
  EXPECT_FALSE(nlohmann::json::parse(report.render()).contains("shard"));
}
