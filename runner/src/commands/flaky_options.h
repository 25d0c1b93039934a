// The flags for flaky and order-dependent tests: --reruns, --reruns-delay,
// --flaky-result, --lf, --ff, --lfnf, --random-order, --random-order-seed,
// --count, --flaky.
// Kept apart from options.cc, which only adds them to its
// command line and applies them after parsing.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

namespace ptest {

struct RunOptions;

// The flags as typed, before they are checked.
struct FlakyFlags {
  std::string reruns;
  double reruns_delay = 0;
  std::string flaky_result = "pass";
  bool last_failed = false, failed_first = false;
  std::string lfnf = "all";
  bool random_order = false;
  std::string random_order_seed;
  std::string count;
  bool list_flaky = false;
};

void add_flaky_options(CLI::App& app, FlakyFlags& flags);

// Checks the flags and sets them in `options`. Throws UsageError.
void apply_flaky_options(const FlakyFlags& flags, RunOptions& options);

}  // namespace ptest
