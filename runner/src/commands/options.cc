#include "commands/options.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>

#include "commands/flaky_options.h"
#include "model/version.h"
#include "plan/shard_spec.h"
#include "util/whole_number.h"

namespace ptest {

namespace {

int parse_workers(const std::string& text) {
  if (text == "auto") return 0;
  const std::optional<long long> value = parse_whole_number(text, 1, 4096);
  if (!value) throw UsageError("argument -n '" + text + "': expected a number of workers from 1 to 4096, or 'auto'");
  return static_cast<int>(*value);
}

// --shard K/N is checked before anything is read; 'auto' when the run starts.
void check_shard_options(const RunOptions& options) {
  if (!options.shard.empty() && options.shard != "auto") parse_shard_spec(options.shard);
  if (!options.shard.empty() && options.dist == DistMode::no)
    throw UsageError("argument --shard: not with --dist no, which runs the whole selection in manifest order; "
                     "use -n 1 for one worker");
  if (!options.plan_path.empty() && options.shard.empty())
    throw UsageError("argument --plan '" + options.plan_path + "': only with --shard");
  const SelectionOptions& selection = options.selection;
  if (!options.plan_path.empty() &&
      (!selection.marker_expression.empty() || !selection.keyword_expression.empty() || !selection.id_patterns.empty()))
    throw UsageError("argument --plan '" + options.plan_path +
                     "': the plan holds the selection; give -m, -k and patterns to ptest plan instead");
}

struct ViewFlags {
  std::string progress = "bar";
  std::string color = "auto";
};

void add_view_flags(CLI::App& app, RunOptions& options, ViewFlags& flags) {
  app.add_option("--progress", flags.progress, "bar (default), counter or none: the status line on a terminal");
  app.add_option("--color", flags.color, "auto (default), always or never");
  app.add_option("--durations", options.durations, "list the N slowest cases at the end (0: all)");
  app.add_option("--durations-min", options.durations_min,
                 "leave cases quicker than this many seconds out of --durations (default 0.005)");
  app.add_option("--report-log", options.report_log, "write JSON Lines to this file as the run goes");
  app.add_option("--trace", options.trace, "write a Chrome trace-event timeline (Perfetto) to this file");
  app.add_option("--html", options.html, "write a self-contained HTML report with the timeline to this file");
  app.add_option("--slow", options.slow, "announce a case each time it runs this many more seconds (default 60; 0: never)");
}

void apply_view_flags(RunOptions& options, const ViewFlags& flags) {
  const auto progress = parse_progress_mode(flags.progress);
  if (!progress) throw UsageError("argument --progress '" + flags.progress + "': expected bar, counter or none");
  options.progress = *progress;
  const auto color = parse_color_mode(flags.color);
  if (!color) throw UsageError("argument --color '" + flags.color + "': expected auto, always or never");
  options.color = *color;
  if (options.durations_min < 0) throw UsageError("argument --durations-min: expected seconds >= 0");
  if (options.slow < 0) throw UsageError("argument --slow: expected seconds >= 0");
}

}  // namespace

ParsedCommandLine parse_command_line(const std::vector<std::string>& arguments) {
  ParsedCommandLine parsed;
  RunOptions& options = parsed.options;
  CLI::App app{"ptest: run a CMake project's GoogleTest cases in parallel", "ptest"};
  app.set_version_flag("--version", std::string("ptest ") + kPtestVersion);
  // A flag given twice takes its last value: the command line overrides PTEST_ADDOPTS.
  app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  std::string workers = "auto";
  std::string dist = "worksteal";
  bool exitfirst = false;
  int verbose = 0, quiet = 0;
  std::optional<double> timeout;
  app.add_option("--manifest", options.manifest_path,
                 "manifest to run (default: ptest/manifest.json in this directory or above)");
  app.add_option("-n,--numprocesses", workers, "worker count, or 'auto' for the usable CPUs (default)");
  app.add_option("--dist", dist, "worksteal (default), load, loadscope, loadfile, loadgroup or no");
  app.add_option("-m", options.selection.marker_expression, "marker expression, e.g. \"smoke and not slow\"");
  app.add_option("-k", options.selection.keyword_expression,
                 "keyword expression: case-insensitive substrings of case ids with and/or/not");
  app.add_flag("--collect-only", options.collect_only, "print the selected case ids and run nothing");
  app.add_flag("--json", options.json, "with --collect-only: the selected cases as JSON");
  app.add_flag("--markers", options.list_markers, "list the registered markers and how many cases carry each");
  app.add_option("--timeout", timeout, "seconds each case may run (replaces TIMEOUT; 0: none)");
  app.add_flag("-x,--exitfirst", exitfirst, "stop at the first failure");
  app.add_option("--maxfail", options.maxfail, "stop after this many failures");
  app.add_option("--max-worker-restart", options.max_worker_restart,
                 "stop once more test processes than this died mid-batch (default: 4 per worker)");
  app.add_option("--junitxml", options.junitxml, "write a JUnit XML report to this file");
  std::string leak_result = "warn";
  app.add_option("--leak-timeout", options.leak_timeout,
                 "seconds a process a test left running may take to end before it is a leak (default 0.1)");
  app.add_option("--leak-result", leak_result, "what a leak makes of a passed case: warn (default) or fail");
  app.add_option("--report-json", options.report_json, "write a JSON report to this file");
  app.add_flag("-v,--verbose", verbose, "a line per case; repeat for more");
  app.add_flag("-q,--quiet", quiet, "less output");
  app.add_option("--shard", options.shard, "run only shard K of N (K/N, from 1), or 'auto' from the CI's variables");
  app.add_option("--plan", options.plan_path, "with --shard: take the shards from this file (ptest plan)");
  app.add_option("--history", options.history_path,
                 "duration history to read and update (default: history.json beside the manifest)");
  ViewFlags view;
  add_view_flags(app, options, view);
  app.add_option("patterns", options.selection.id_patterns, "globs on case ids ('*' and '?')");
  FlakyFlags flaky;
  add_flaky_options(app, flaky);

  std::vector<std::string> reversed(arguments.rbegin(), arguments.rend());  // CLI11 takes them backwards
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp& help) {
    parsed.exit_now = app.exit(help);
    return parsed;
  } catch (const CLI::CallForVersion& version) {
    parsed.exit_now = app.exit(version);
    return parsed;
  } catch (const CLI::ParseError& error) {
    std::string why = error.what();
    throw UsageError(why + " (see ptest --help)");
  }

  options.workers = parse_workers(workers);
  const auto mode = parse_dist_mode(dist);
  if (!mode)
    throw UsageError("argument --dist '" + dist +
                     "': expected worksteal, load, loadscope, loadfile, loadgroup or no");
  options.dist = *mode;
  if (timeout && *timeout < 0) throw UsageError("argument --timeout: expected seconds >= 0");
  options.timeout = timeout;
  if (exitfirst) options.maxfail = 1;
  if (options.leak_timeout < 0) throw UsageError("argument --leak-timeout: expected seconds >= 0");
  if (leak_result != "warn" && leak_result != "fail")
    throw UsageError("argument --leak-result: invalid choice '" + leak_result + "': expected warn or fail");
  options.leak_fails = leak_result == "fail";
  if (options.json && !options.collect_only) throw UsageError("argument --json: only with --collect-only");
  options.verbosity = verbose - quiet;
  check_shard_options(options);
  apply_flaky_options(flaky, options);
  apply_view_flags(options, view);
  return parsed;
}

std::vector<std::string> split_addopts(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (const char c : text) {
    if (quote) {
      if (c == quote) quote = 0;
      else word += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
    } else if (c == ' ' || c == '\t' || c == '\n') {
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (quote) throw UsageError("PTEST_ADDOPTS: unterminated quote");
  if (in_word) words.push_back(word);
  return words;
}

}  // namespace ptest
