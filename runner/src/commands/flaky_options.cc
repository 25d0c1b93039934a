#include "commands/flaky_options.h"

#include "commands/options.h"
#include "model/errors.h"
#include "util/whole_number.h"

namespace ptest {

namespace {

// A whole number from `min`, as the flag's text; UsageError otherwise.
int parse_count(const std::string& flag, const std::string& text, int min, const std::string& what) {
  const std::optional<long long> value = parse_whole_number(text, min, 1000000);
  if (!value) throw UsageError("argument " + flag + " '" + text + "': expected " + what);
  return static_cast<int>(*value);
}

// --random-order-seed: a number, or 'last' (the last run's seed, looked up later).
void apply_seed(const std::string& text, RunOptions& options) {
  options.random_order = true;
  if (text == "last") {
    options.random_order_seed_last = true;
    return;
  }
  std::size_t used = 0;
  unsigned long long value = 0;
  try {
    value = std::stoull(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != text.size() || text.empty() || text[0] < '0' || text[0] > '9')
    throw UsageError("argument --random-order-seed '" + text + "': expected a number from 0, or 'last'");
  options.random_order_seed = value;
}

}  // namespace

void add_flaky_options(CLI::App& app, FlakyFlags& flags) {
  app.add_option("--reruns", flags.reruns,
                 "run a failed, crashed or timed-out case again, up to N more times (replaces RERUNS)");
  app.add_option("--reruns-delay", flags.reruns_delay, "seconds to wait before each rerun");
  app.add_option("--flaky-result", flags.flaky_result,
                 "what a case that passes on a rerun counts as: pass (default) or fail");
  app.add_flag("--lf,--last-failed", flags.last_failed,
               "run only the cases that failed last time or were never finished (all if none)");
  app.add_flag("--ff,--failed-first", flags.failed_first, "run the cases that failed last time first, then the rest");
  app.add_option("--lfnf,--last-failed-no-failures", flags.lfnf,
                 "with --lf and nothing failed last time: run all (default) or none");
  app.add_flag("--random-order", flags.random_order, "shuffle the suites, and the cases within each");
  app.add_option("--random-order-seed", flags.random_order_seed,
                 "shuffle with this seed ('last': the last run's); implies --random-order");
  app.add_flag("--flaky", flags.list_flaky,
               "list the selected cases whose outcome flipped in their last runs, most flips first");
  app.add_option("--count", flags.count, "run every selected case N times, in N rounds (with -x: until a failure)");
}

void apply_flaky_options(const FlakyFlags& flags, RunOptions& options) {
  if (!flags.reruns.empty()) options.reruns = parse_count("--reruns", flags.reruns, 0, "a number of reruns from 0");
  if (flags.reruns_delay < 0) throw UsageError("argument --reruns-delay: expected seconds >= 0");
  options.reruns_delay = flags.reruns_delay;
  if (flags.flaky_result != "pass" && flags.flaky_result != "fail")
    throw UsageError("argument --flaky-result '" + flags.flaky_result + "': expected pass or fail");
  options.flaky_fails = flags.flaky_result == "fail";
  if (flags.last_failed && flags.failed_first) throw UsageError("arguments --lf and --ff: give one of them");
  options.last_failed = flags.last_failed    ? LastFailedMode::only
                        : flags.failed_first ? LastFailedMode::first
                                             : LastFailedMode::off;
  if (flags.lfnf != "all" && flags.lfnf != "none")
    throw UsageError("argument --lfnf '" + flags.lfnf + "': expected all or none");
  options.last_failed_none = flags.lfnf == "none";
  options.random_order = flags.random_order;
  if (!flags.random_order_seed.empty()) apply_seed(flags.random_order_seed, options);
  options.list_flaky = flags.list_flaky;
  if (!flags.count.empty()) options.count = parse_count("--count", flags.count, 1, "a number of times from 1");
  // A case's failed attempts are kept by case, and rounds of one case may fail side by side.
  if (options.count > 1 && options.reruns.value_or(0) > 0)
    throw UsageError("arguments --count and --reruns: give one of them");
  if (options.count > 1) options.reruns = 0;  // nor the markers' RERUNS
}

}  // namespace ptest
