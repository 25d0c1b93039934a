// Collects a run's durations and outcomes for the duration history: one
// letter of `recent` per case and run (with --count, 'f' if any round failed).
#pragma once

#include "formats/history.h"
#include "run/reporter.h"

namespace ptest {

class HistoryRecorder : public Reporter {
 public:
  // Room for every selected case at once: rehashing 20,000 ids as they come
  // showed in the profile.
  void run_started(const RunStart& start) override { updates_.reserve(start.selected); }
  void case_finished(const TestCase& test_case, const CaseResult& result) override {
    if (test_case.disabled) return;  // never run: nothing learned
    // With --count, a case that failed in any round failed this run.
    const auto [entry, first] = updates_.try_emplace(test_case.id);
    entry->second.duration = result.stop - result.start;
    entry->second.failed = is_failure(result.outcome) || (!first && entry->second.failed);
    entry->second.recent = entry->second.failed ? "f" : result.outcome == Outcome::flaky ? "k" : "p";
  }
  const History& updates() const { return updates_; }

 private:
  History updates_;
};

}  // namespace ptest
