#include "run/reporter.h"

#include <cstdio>

namespace ptest {

void RunSummary::count(Outcome outcome) {
  switch (outcome) {
    case Outcome::passed: ++passed; break;
    case Outcome::failed: ++failed; break;
    case Outcome::skipped: ++skipped; break;
    case Outcome::crashed: ++crashed; break;
    case Outcome::timeout: ++timeout; break;
    case Outcome::flaky: ++flaky; break;
  }
}

std::string summary_line(const RunSummary& summary) {
  std::string line;
  auto add = [&](std::size_t count, const char* word, bool always = false) {
    if (count == 0 && !always) return;
    if (!line.empty()) line += ", ";
    line += std::to_string(count) + " " + word;
  };
  add(summary.passed, "passed", true);
  add(summary.flaky, "flaky");
  add(summary.failed, "failed");
  add(summary.skipped, "skipped");
  add(summary.crashed, "crashed");
  add(summary.timeout, "timeout");
  add(summary.not_run, "not run");
  add(summary.leaked, "leaked");
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, " in %.2fs", summary.duration);
  return line + seconds;
}

}  // namespace ptest
