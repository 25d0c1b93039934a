#include "reports/trace_report.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_support/sample_run.h"

using namespace ptest;
using namespace ptest::testing;
using nlohmann::json;

namespace {

json sample_trace() {
  const Manifest manifest = sample_run_manifest();
  Timeline timeline;
  play_sample_run(timeline, manifest);
  return json::parse(trace_json(manifest, timeline));
}

std::vector<json> events_where(const json& trace, const std::string& key, const std::string& value) {
  std::vector<json> found;
  for (const json& event : trace["traceEvents"])
    if (event.contains(key) && event[key] == value) found.push_back(event);
  return found;
}

}  // namespace

TEST(TraceReport, EachWorkerIsANamedTrack) {
  const std::vector<json> names = events_where(sample_trace(), "name", "thread_name");
  ASSERT_EQ(names.size(), 2u);
  EXPECT_EQ(names[0]["tid"], 0);
  EXPECT_EQ(names[0]["args"]["name"], "gw0");
  EXPECT_EQ(names[1]["args"]["name"], "gw1");
}

TEST(TraceReport, EachProcessIsACompleteSliceNamedAfterItsTargetInMicroseconds) {
  const std::vector<json> processes = events_where(sample_trace(), "cat", "process");
  ASSERT_EQ(processes.size(), 3u);
  EXPECT_EQ(processes[0]["name"], "bin0");
  EXPECT_EQ(processes[0]["ph"], "X");
  EXPECT_EQ(processes[0]["tid"], 0);
  EXPECT_EQ(processes[0]["ts"], 0);
  EXPECT_EQ(processes[0]["dur"], 3000000);
  EXPECT_EQ(processes[0]["args"]["cases"], 2);
  EXPECT_EQ(processes[1]["args"]["died"], true);
}

TEST(TraceReport, CasesNestInsideTheirProcessWithIdAndOutcome) {
  const json trace = sample_trace();
  const std::vector<json> cases = events_where(trace, "cat", "case");
  ASSERT_EQ(cases.size(), 4u);
  const std::vector<json> processes = events_where(trace, "cat", "process");
  for (const json& test_case : cases) {
    bool nested = false;
    for (const json& process : processes)
      nested |= process["tid"] == test_case["tid"] && process["ts"] <= test_case["ts"] &&
                test_case["ts"].get<long long>() + test_case["dur"].get<long long>() <=
                    process["ts"].get<long long>() + process["dur"].get<long long>();
    EXPECT_TRUE(nested) << test_case;
  }
  const std::vector<json> crash = events_where(trace, "name", "B.Crash");
  ASSERT_EQ(crash.size(), 1u);
  EXPECT_EQ(crash[0]["args"]["id"], "bin1::B.Crash");
  EXPECT_EQ(crash[0]["args"]["outcome"], "crashed");
  EXPECT_EQ(crash[0]["args"]["message"], "killed by SIGSEGV");
}

TEST(TraceReport, AProcessThatDiedIsMarkedWhereItEnded) {
  const std::vector<json> restarts = events_where(sample_trace(), "cat", "restart");
  ASSERT_EQ(restarts.size(), 1u);
  EXPECT_EQ(restarts[0]["ph"], "i");
  EXPECT_EQ(restarts[0]["tid"], 1);
  EXPECT_EQ(restarts[0]["ts"], 500000);
}

TEST(TraceReport, ACaseWhoseTimesPassItsProcessesIsDrawnInsideItWithItsOwnDurationAsAnArgument) {
  const Manifest manifest = sample_run_manifest();
  Timeline timeline;
  timeline.run_started(RunStart{1, 1, "no", "u"});
  timeline.batch_started(Batch{0, 0, {0}, {}}, 0.010);
  timeline.case_finished(manifest.cases[0], make_result(0, Outcome::passed, 0, 0.005, 0.412));
  timeline.batch_finished(BatchFinished{0, {}, false}, 0.408);
  timeline.run_finished(RunSummary{});
  const json trace = json::parse(trace_json(manifest, timeline));
  const std::vector<json> cases = events_where(trace, "cat", "case");
  ASSERT_EQ(cases.size(), 1u);
  EXPECT_EQ(cases[0]["ts"], 10000);
  EXPECT_EQ(cases[0]["dur"], 398000);
  EXPECT_DOUBLE_EQ(cases[0]["args"]["duration"].get<double>(), 0.407);
}

TEST(TraceReport, ABatchOfStolenWorkIsMarkedOnTheThiefsTrackWhereItStarted) {
  const Manifest manifest = sample_run_manifest();
  Timeline timeline;
  timeline.run_started(RunStart{2, 2, "worksteal", "u"});
  timeline.batch_started(Batch{0, 0, {0}, {}}, 0);
  Batch stolen{1, 0, {1}, {}};
  stolen.stolen_from = 0;
  timeline.batch_started(stolen, 0.25);
  timeline.batch_finished(BatchFinished{1, {}, false}, 0.5);
  timeline.batch_finished(BatchFinished{0, {}, false}, 1);
  timeline.run_finished(RunSummary{});
  const json trace = json::parse(trace_json(manifest, timeline));
  const std::vector<json> steals = events_where(trace, "cat", "steal");
  ASSERT_EQ(steals.size(), 1u);
  EXPECT_EQ(steals[0]["name"], "steal");
  EXPECT_EQ(steals[0]["ph"], "i");
  EXPECT_EQ(steals[0]["tid"], 1);
  EXPECT_EQ(steals[0]["ts"], 250000);
  EXPECT_EQ(steals[0]["args"]["from"], "gw0");
  const std::vector<json> processes = events_where(trace, "cat", "process");
  ASSERT_EQ(processes.size(), 2u);
  EXPECT_FALSE(processes[0]["args"].contains("stolen_from"));
  EXPECT_EQ(processes[1]["args"]["stolen_from"], "gw0");
}

TEST(TraceReport, FixturesAreSlicesOnATrackOfTheirOwnAfterTheWorkers) {
  const Manifest manifest = sample_run_manifest();
  Timeline timeline;
  timeline.run_started(RunStart{1, 2, "load", "u"});
  timeline.fixture_started(FixtureRun{"db", FixturePhase::setup, false}, 0);
  timeline.fixture_finished(FixtureRun{"db", FixturePhase::setup, false}, 0.2);
  timeline.batch_started(Batch{0, 0, {0}, {}}, 0.2);
  timeline.batch_finished(BatchFinished{0, {}, false}, 0.7);
  timeline.fixture_started(FixtureRun{"db", FixturePhase::cleanup, false}, 0.7);
  timeline.fixture_finished(FixtureRun{"db", FixturePhase::cleanup, false}, 0.75);
  timeline.fixture_started(FixtureRun{"cache", FixturePhase::setup, false}, 0.8);
  timeline.fixture_finished(FixtureRun{"cache", FixturePhase::setup, true}, 0.9);
  timeline.run_finished(RunSummary{});
  const json trace = json::parse(trace_json(manifest, timeline));
  const std::vector<json> names = events_where(trace, "name", "thread_name");
  ASSERT_EQ(names.size(), 3u);
  EXPECT_EQ(names[2]["tid"], 2);
  EXPECT_EQ(names[2]["args"]["name"], "fixtures");
  const std::vector<json> fixtures = events_where(trace, "cat", "fixture");
  ASSERT_EQ(fixtures.size(), 3u);
  EXPECT_EQ(fixtures[0]["name"], "db setup");
  EXPECT_EQ(fixtures[0]["ph"], "X");
  EXPECT_EQ(fixtures[0]["tid"], 2);
  EXPECT_EQ(fixtures[0]["ts"], 0);
  EXPECT_EQ(fixtures[0]["dur"], 200000);
  EXPECT_EQ(fixtures[0]["args"], (json{{"fixture", "db"}, {"phase", "setup"}, {"failed", false}}));
  EXPECT_EQ(fixtures[1]["name"], "db cleanup");
  EXPECT_EQ(fixtures[1]["ts"], 700000);
  EXPECT_EQ(fixtures[2]["name"], "cache setup");
  EXPECT_EQ(fixtures[2]["args"]["failed"], true);
}

TEST(TraceReport, ARunWithoutFixturesHasNoFixturesTrack) {
  EXPECT_TRUE(events_where(sample_trace(), "cat", "fixture").empty());
  for (const json& name : events_where(sample_trace(), "name", "thread_name"))
    EXPECT_NE(name["args"]["name"], "fixtures");
}
