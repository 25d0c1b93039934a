// Collects a run's durations and outcomes for the duration history.
#pragma once

#include "formats/history.h"
#include "run/reporter.h"

namespace ptest {

class HistoryRecorder : public Reporter {
 public:
  void case_finished(const TestCase& test_case, const CaseResult& result) override {
    if (test_case.disabled) return;  // never run: nothing learned
    updates_[test_case.id] = CaseHistory{result.stop - result.start, is_failure(result.outcome)};
  }
  const History& updates() const { return updates_; }

 private:
  History updates_;
};

}  // namespace ptest
