// A small two-worker run played into a reporter, for the reports that draw
// the run's shape (timeline, worker balance, trace):
//   gw0: bin0 [A.Pass 0-1 s, A.Fail 1-3 s], exits at 3 s
//   gw1: bin1 [B.Crash 0-0.5 s] dies at 0.5 s leaving B.Later; bin1 [B.Later 0.5-1.5 s]
//   the run ends at 4 s.
#pragma once

#include "run/reporter.h"
#include "test_support/builders.h"

namespace ptest::testing {

inline Manifest sample_run_manifest() {
  return make_manifest(2, {make_case("A", "Pass", 0), make_case("A", "Fail", 0), make_case("B", "Crash", 1),
                           make_case("B", "Later", 1)});
}

inline void play_sample_run(Reporter& reporter, const Manifest& manifest) {
  auto finish = [&](CaseResult result) { reporter.case_finished(manifest.cases[result.case_index], result); };
  reporter.run_started(RunStart{4, 2, "worksteal", "uid"});
  reporter.batch_started(Batch{0, 0, {0, 1}, {}}, 0);
  reporter.batch_started(Batch{1, 1, {2, 3}, {}}, 0);
  reporter.case_started(manifest.cases[0], 0);
  reporter.case_started(manifest.cases[2], 1);
  CaseResult crash = make_result(2, Outcome::crashed, 1, 0, 0.5);
  crash.message = "killed by SIGSEGV";
  crash.output = "about to crash\n";
  finish(crash);
  reporter.batch_finished(BatchFinished{1, {3}, true}, 0.5);
  reporter.batch_started(Batch{1, 1, {3}, {}}, 0.5);
  reporter.case_started(manifest.cases[3], 1);
  finish(make_result(0, Outcome::passed, 0, 0, 1));
  reporter.case_started(manifest.cases[1], 0);
  finish(make_result(3, Outcome::passed, 1, 0.5, 1.5));
  reporter.batch_finished(BatchFinished{1, {}, false}, 1.5);
  CaseResult fail = make_result(1, Outcome::failed, 0, 1, 3);
  fail.output = "a_test.cc:12: Failure\nExpected equality of these values:\n  1\n  2\n";
  finish(fail);
  reporter.batch_finished(BatchFinished{0, {}, false}, 3);
  RunSummary summary;
  summary.passed = 2;
  summary.failed = 1;
  summary.crashed = 1;
  summary.duration = 4;
  reporter.run_finished(summary);
}

}  // namespace ptest::testing
