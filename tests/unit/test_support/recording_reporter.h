// A Reporter that keeps every event: in order as text, and per case.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "run/reporter.h"

namespace ptest::testing {

class RecordingReporter : public Reporter {
 public:
  // "run_started 3", "batch_started gw1 3", "case_started bin0::S.T0 gw1",
  // "case_finished bin0::S.T0 passed", "batch_finished gw1", "fixture_started db setup",
  // "fixture_finished db setup" (+ " failed"), "run_finished", "tick".
  std::vector<std::string> events;
  std::multiset<std::string> finished;  // ids, once per report
  std::map<std::string, Outcome> outcome;
  std::map<std::string, std::vector<CaseResult>> earlier_attempts;  // of cases that ran again
  RunStart start;
  RunSummary summary;

  void run_started(const RunStart& s) override {
    start = s;
    events.push_back("run_started " + std::to_string(s.selected));
  }
  void batch_started(const Batch& batch, double) override {
    events.push_back("batch_started " + worker_name(batch.worker) + " " + std::to_string(batch.cases.size()));
  }
  void batch_finished(const BatchFinished& finished, double) override {
    events.push_back("batch_finished " + worker_name(finished.worker));
  }
  void case_started(const TestCase& test_case, int worker) override {
    events.push_back("case_started " + test_case.id + " " + worker_name(worker));
  }
  void case_finished(const TestCase& test_case, const CaseResult& result) override {
    finished.insert(test_case.id);
    outcome[test_case.id] = result.outcome;
    if (!result.earlier_attempts.empty()) earlier_attempts[test_case.id] = result.earlier_attempts;
    events.push_back("case_finished " + test_case.id + " " + outcome_name(result.outcome));
  }
  void fixture_started(const FixtureRun& fixture, double) override {
    events.push_back("fixture_started " + fixture.name + phase(fixture));
  }
  void fixture_finished(const FixtureRun& fixture, double) override {
    events.push_back("fixture_finished " + fixture.name + phase(fixture) + (fixture.failed ? " failed" : ""));
  }
  void run_finished(const RunSummary& s) override {
    summary = s;
    events.push_back("run_finished");
  }
  void tick(double) override { events.push_back("tick"); }

 private:
  static std::string phase(const FixtureRun& fixture) {
    return fixture.phase == FixturePhase::setup ? " setup" : " cleanup";
  }
};

}  // namespace ptest::testing
