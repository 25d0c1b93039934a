#include "reports/report_log.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "test_support/fake_clock.h"
#include "test_support/sample_run.h"
#include "util/atomic_file.h"

using namespace ptest;
using namespace ptest::testing;

namespace {

class ReportLogTest : public ::testing::Test {
 protected:
  void TearDown() override { ::unlink(path_.c_str()); }

  std::vector<nlohmann::json> lines() const {
    std::ifstream in(path_);
    std::vector<nlohmann::json> parsed;
    for (std::string line; std::getline(in, line);) parsed.push_back(nlohmann::json::parse(line));
    return parsed;
  }

  std::string path_ = ::testing::TempDir() + "report-log-" + std::to_string(::getpid()) + ".jsonl";
  FakeClock clock_;
};

}  // namespace

TEST_F(ReportLogTest, EachEventIsOneJsonLineFromRunStartWithTheSelectionToRunEnd) {
  const Manifest manifest = sample_run_manifest();
  ReportLog log(path_, manifest, {0, 1, 2, 3}, clock_.function());
  play_sample_run(log, manifest);
  const std::vector<nlohmann::json> events = lines();
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.front()["$report_type"], "RunStarted");
  EXPECT_EQ(events.front()["selected"], nlohmann::json({"bin0::A.Pass", "bin0::A.Fail", "bin1::B.Crash",
                                                        "bin1::B.Later"}));
  EXPECT_EQ(events.front()["workers"], 2);
  EXPECT_EQ(events.back()["$report_type"], "RunFinished");
  EXPECT_EQ(events.back()["summary"]["failed"], 1);
  std::vector<std::string> types;
  for (const auto& event : events) types.push_back(event["$report_type"]);
  EXPECT_EQ(std::count(types.begin(), types.end(), "CaseStarted"), 4);
  EXPECT_EQ(std::count(types.begin(), types.end(), "CaseFinished"), 4);
  EXPECT_EQ(std::count(types.begin(), types.end(), "ProcessStarted"), 3);
  EXPECT_EQ(std::count(types.begin(), types.end(), "ProcessFinished"), 3);
}

TEST_F(ReportLogTest, AFinishedCaseCarriesOutcomeWorkerTimesLocationMessageAndOutput) {
  const Manifest manifest = sample_run_manifest();
  ReportLog log(path_, manifest, {0, 1, 2, 3}, clock_.function());
  play_sample_run(log, manifest);
  for (const auto& event : lines()) {
    if (event["$report_type"] != "CaseFinished" || event["id"] != "bin1::B.Crash") continue;
    EXPECT_EQ(event["outcome"], "crashed");
    EXPECT_EQ(event["worker"], "gw1");
    EXPECT_EQ(event["start"], 0);
    EXPECT_EQ(event["stop"], 0.5);
    EXPECT_EQ(event["duration"], 0.5);
    EXPECT_EQ(event["file"], "a_test.cc");
    EXPECT_EQ(event["line"], 1);
    EXPECT_EQ(event["message"], "killed by SIGSEGV");
    EXPECT_EQ(event["output"], "about to crash\n");
    return;
  }
  ADD_FAILURE() << "no CaseFinished for bin1::B.Crash";
}

TEST_F(ReportLogTest, ALineIsOnDiskAsSoonAsItsEventHappenedNotAtTheEnd) {
  const Manifest manifest = sample_run_manifest();
  ReportLog log(path_, manifest, {0}, clock_.function());
  log.run_started(RunStart{1, 1, "load", "u"});
  clock_.advance(0.25);
  log.case_started(manifest.cases[0], 0);
  const std::vector<nlohmann::json> events = lines();  // read while the log is still open
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1]["$report_type"], "CaseStarted");
  EXPECT_EQ(events[1]["id"], "bin0::A.Pass");
  EXPECT_EQ(events[1]["at"], 0.25);
}

TEST_F(ReportLogTest, AnUnwritablePathIsAFileError) {
  const Manifest manifest = sample_run_manifest();
  EXPECT_THROW(ReportLog("/nonexistent-dir/log.jsonl", manifest, {}, clock_.function()), FileError);
}
