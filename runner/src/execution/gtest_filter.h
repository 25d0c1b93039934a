// The --gtest_filter that selects a batch's cases. A suite whose every case
// is in the batch is named once, as `Suite.*`; other cases are named one by
// one. Short filters matter: every GoogleTest Test object saves and restores
// all flags, the filter included, so a filter naming 2,000 cases is copied
// 4,000 times and costs the process more than running trivial cases does.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "model/model.h"

namespace ptest {

class GtestFilter {
 public:
  // Counts each suite's cases in the manifest, once per run.
  explicit GtestFilter(const Manifest& manifest);

  // `cases`: indices into the manifest, all of one target. Without the
  // `--gtest_filter=` prefix.
  std::string for_cases(const std::vector<std::size_t>& cases) const;

 private:
  const Manifest& manifest_;
  std::vector<std::size_t> suite_of_case_;  // by manifest case: a number for (target, GoogleTest suite)
  std::vector<std::size_t> suite_size_;     // by suite number: its cases in the manifest, disabled ones included
};

// "Gen/Area0Test" of "Gen/Area0Test.Case/3": the suite as GoogleTest's filter sees it.
std::string gtest_suite_of(const std::string& case_name);

}  // namespace ptest
