#include "commands/flaky_options.h"

#include "commands/options.h"
#include "model/errors.h"

namespace ptest {

namespace {

// A whole number from 0, as the flag's text; UsageError otherwise.
int parse_count(const std::string& flag, const std::string& text, const std::string& what) {
  std::size_t used = 0;
  long value = -1;
  try {
    value = std::stol(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != text.size() || value < 0 || value > 1000000)
    throw UsageError("argument " + flag + " '" + text + "': expected " + what);
  return static_cast<int>(value);
}

}  // namespace

void add_flaky_options(CLI::App& app, FlakyFlags& flags) {
  app.add_option("--reruns", flags.reruns,
                 "run a failed, crashed or timed-out case again, up to N more times (replaces RERUNS)");
  app.add_option("--reruns-delay", flags.reruns_delay, "seconds to wait before each rerun");
  app.add_option("--flaky-result", flags.flaky_result,
                 "what a case that passes on a rerun counts as: pass (default) or fail");
}

void apply_flaky_options(const FlakyFlags& flags, RunOptions& options) {
  if (!flags.reruns.empty()) options.reruns = parse_count("--reruns", flags.reruns, "a number of reruns from 0");
  if (flags.reruns_delay < 0) throw UsageError("argument --reruns-delay: expected seconds >= 0");
  options.reruns_delay = flags.reruns_delay;
  if (flags.flaky_result != "pass" && flags.flaky_result != "fail")
    throw UsageError("argument --flaky-result '" + flags.flaky_result + "': expected pass or fail");
  options.flaky_fails = flags.flaky_result == "fail";
}

}  // namespace ptest
