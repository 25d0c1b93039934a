#include "formats/report_file.h"

#include <gtest/gtest.h>

#include "model/errors.h"

using namespace ptest;

namespace {

std::string parse_error(const std::string& text) {
  try {
    parse_report(text, "r.json");
  } catch (const UserError& error) {
    return error.what();
  }
  ADD_FAILURE() << "no UserError for " << text;
  return {};
}

}  // namespace

TEST(ReportFile, ReadsAShardsReport) {
  const ReportFile report = parse_report(
      R"({"ptest_version": "0.1.0", "testrun_uid": "u", "workers": 2, "dist": "worksteal",
          "summary": {"selected": 3, "not_run": 1, "duration": 1.5, "interrupted": true},
          "shard": {"index": 2, "total": 4, "plan_digest": "d", "plan_selected": 9, "shard_selected": 3,
                    "not_run": ["t::S.C"]},
          "cases": [{"id": "t::S.A", "outcome": "failed", "duration": 0.5, "start": 1, "message": "m"}]})",
      "r.json");
  EXPECT_EQ(report.path, "r.json");
  EXPECT_EQ(report.workers, 2);
  EXPECT_EQ(report.selected, 3u);
  EXPECT_EQ(report.not_run, 1u);
  EXPECT_TRUE(report.interrupted);
  ASSERT_TRUE(report.shard);
  EXPECT_EQ(report.shard->index, 2);
  EXPECT_EQ(report.shard->total, 4);
  EXPECT_EQ(report.shard->not_run, std::vector<std::string>{"t::S.C"});
  ASSERT_EQ(report.cases.size(), 1u);
  EXPECT_EQ(report.cases[0].shard, 2);  // the shard's, when the case names none
  EXPECT_EQ(report.cases[0].stop, 1.5);
}

// Seen under fuzz_report_file's UBSan: a float where a count belongs was cast to int
// as it was (undefined behaviour; UBSan stops there).
TEST(ReportFile, AWholeNumberOutOfRangeIsAOneLineErrorNamingTheField) {
  const std::string prefix = R"({"ptest_version": "0.1.0", "cases": [], "summary": {"selected": 1})";
  EXPECT_EQ(parse_error(prefix + R"(, "workers": 1e300})"),
            "report 'r.json': /workers: not a whole number from -2147483648 to 2147483647");
  EXPECT_EQ(parse_error(prefix + R"(, "shard": {"index": 2.5, "total": 2, "plan_digest": "d",
                                                "plan_selected": 1, "shard_selected": 1}})"),
            "report 'r.json': /shard/index: not a whole number from -2147483648 to 2147483647");
  EXPECT_EQ(parse_error(R"({"ptest_version": "0.1.0", "cases": [], "summary": {"selected": -1}})"),
            "report 'r.json': /summary/selected: not a whole number from 0 to 18446744073709551615");
  EXPECT_EQ(parse_error(R"({"ptest_version": "0.1.0", "summary": {"selected": 1},
                            "cases": [{"id": "a", "outcome": "passed", "duration": 0, "shard": 1e19}]})"),
            "report 'r.json': /cases/0/shard: not a whole number from -2147483648 to 2147483647");
}

TEST(ReportFile, AFileThatIsNotAReportIsAOneLineError) {
  EXPECT_EQ(parse_error("{\"kind\": \"ptest-plan\"}"), "report 'r.json': not a ptest JSON report (--report-json)");
  EXPECT_NE(parse_error("{").find("report 'r.json': "), std::string::npos);
}

TEST(ReportFile, AShardOutsideItsTotalIsAOneLineError) {
  const std::string prefix = R"({"ptest_version": "0.1.0", "cases": [], "summary": {"selected": 1}, "shard": )";
  EXPECT_EQ(parse_error(prefix + R"({"index": 3, "total": 2, "plan_digest": "d", "plan_selected": 1,
                                     "shard_selected": 0}})"),
            "report 'r.json': /shard: index 3 of 2 (shards count from 1 to the total)");
  EXPECT_EQ(parse_error(prefix + R"({"index": 0, "total": 0, "plan_digest": "d", "plan_selected": 1,
                                     "shard_selected": 0}})"),
            "report 'r.json': /shard: index 0 of 0 (shards count from 1 to the total)");
}

TEST(ReportFile, ReadsACasesLeakedProcesses) {
  const ReportFile report = parse_report(
      R"({"ptest_version": "0.1.0", "summary": {"selected": 1},
          "cases": [{"id": "t::S.A", "outcome": "passed", "duration": 0.5,
                     "leaks": [{"pid": 4242, "command_line": "my-daemon --port 8080"}]}]})",
      "r.json");
  ASSERT_EQ(report.cases.at(0).leaks.size(), 1u);
  EXPECT_EQ(report.cases[0].leaks[0].pid, 4242);
  EXPECT_EQ(report.cases[0].leaks[0].command_line, "my-daemon --port 8080");
}

TEST(ReportFile, ALeakWithoutAWholePidIsAnError) {
  const std::string error = parse_error(
      R"({"ptest_version": "0.1.0", "summary": {"selected": 1},
          "cases": [{"id": "t::S.A", "outcome": "passed", "duration": 0.5, "leaks": [{"pid": 1.5}]}]})");
  EXPECT_NE(error.find("leaks/0/pid"), std::string::npos) << error;
}
