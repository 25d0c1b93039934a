// The reports that are written at the end (JSON, JUnit) keep every result
// and render them in manifest order, whatever order the workers finished in.
#pragma once

#include <algorithm>
#include <vector>

#include "run/reporter.h"

namespace ptest {

class ResultCollector : public Reporter {
 public:
  void case_finished(const TestCase&, const CaseResult& result) override { results_.push_back(result); }

 protected:
  std::vector<const CaseResult*> in_manifest_order() const {
    std::vector<const CaseResult*> ordered;
    ordered.reserve(results_.size());
    for (const CaseResult& result : results_) ordered.push_back(&result);
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const CaseResult* a, const CaseResult* b) { return a->case_index < b->case_index; });
    return ordered;
  }

 private:
  std::vector<CaseResult> results_;
};

}  // namespace ptest
