// Leak detection for a run, or for one case under CTest (`ptest exec`;
// execution/leak_detector.h): the runner becomes a child subreaper, or says
// once that it cannot and falls back to killing process groups; and
// whatever is still left when the run ends is killed.
#pragma once

#include <string>

#include "commands/options.h"
#include "execution/leak_detector.h"

namespace ptest {

class LeakSetup {
 public:
  LeakSetup(const RunOptions& options, const std::string& testrun_uid)
      : LeakSetup(options.leak_timeout, options.leak_fails, testrun_uid) {}
  // `timeout`, `fail`: as --leak-timeout and --leak-result fail.
  LeakSetup(double timeout, bool fail, const std::string& testrun_uid);
  // Kills the stragglers: orphans that came back after their batch's check.
  ~LeakSetup();
  LeakSetup(const LeakSetup&) = delete;
  LeakSetup& operator=(const LeakSetup&) = delete;

  const LeakOptions& options() const { return options_; }

 private:
  LeakOptions options_;
};

}  // namespace ptest
