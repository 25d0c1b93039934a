#include "commands/run_order.h"

#include <cstdio>
#include <random>
#include <unordered_set>

#include "commands/interrupted_runs.h"
#include "commands/shard_selection.h"
#include "formats/last_run.h"
#include "plan/last_failed.h"
#include "plan/random_order.h"
#include "util/atomic_file.h"
#include "util/paths.h"

namespace ptest {

namespace {

std::string last_run_path(const std::string& manifest_path) { return sibling_path(manifest_path, "last-run.json"); }

std::optional<LastRun> last_run_of(const std::string& manifest_path) {
  LastRunRead read = read_last_run(last_run_path(manifest_path));
  if (!read.warning.empty()) std::fprintf(stderr, "ptest: warning: %s\n", read.warning.c_str());
  return read.last_run;
}

std::uint64_t choose_seed(const RunOptions& options, const std::string& manifest_path) {
  if (options.random_order_seed) return *options.random_order_seed;
  if (options.random_order_seed_last) {
    const std::optional<LastRun> last = last_run_of(manifest_path);
    if (!last || !last->random_order_seed)
      throw UsageError("argument --random-order-seed 'last': no earlier run with random order in '" +
                       last_run_path(manifest_path) + "'");
    return *last->random_order_seed;
  }
  std::random_device random;
  return random() % 100000000;  // short enough to type again
}

// By manifest index: the case failed, crashed or timed out the last time it
// ran (the history), or the last run selected it and never finished it
// (the last-run file), or a run that was killed failed it or did not finish
// it (its journal).
std::vector<bool> failed_or_not_run(const std::string& history_flag, const std::string& manifest_path,
                                    const Manifest& manifest) {
  const HistoryRead history = read_run_history(history_flag, manifest_path);
  std::unordered_set<std::string> not_run;
  if (const std::optional<LastRun> last = last_run_of(manifest_path))
    not_run.insert(last->not_run.begin(), last->not_run.end());
  for (const std::string& id : cases_killed_runs_owe(manifest_path)) not_run.insert(id);
  std::vector<bool> chosen(manifest.cases.size(), false);
  for (std::size_t i = 0; i < manifest.cases.size(); ++i) {
    const auto it = history.history.find(manifest.cases[i].id);
    chosen[i] = (it != history.history.end() && it->second.failed) || not_run.count(manifest.cases[i].id) > 0;
  }
  return chosen;
}

// --count N: N rounds of the selection; DISABLED_ cases, reported without
// running, only in the first.
void repeat(int count, const Manifest& manifest, std::vector<std::size_t>& selected) {
  const std::vector<std::size_t> round = selected;
  for (int i = 1; i < count; ++i)
    for (std::size_t index : round)
      if (!manifest.cases[index].disabled) selected.push_back(index);
}

// --lf, --ff: what failed or never finished last time, alone or first.
void choose_last_failed_cases(const RunOptions& options, const std::string& manifest_path, const Manifest& manifest,
                              RunOrder& order) {
  const LastFailedChoice choice = choose_last_failed(order.selected, failed_or_not_run(options.history_path, manifest_path, manifest),
                                                     options.last_failed, options.last_failed_none);
  if (options.last_failed == LastFailedMode::first) order.keep_order = true;
  if (options.last_failed == LastFailedMode::only && choice.chosen == 0)
    order.note = options.last_failed_none ? "--lf: nothing failed last time; --lfnf none: running nothing"
                                          : "--lf: nothing failed last time; running all " +
                                                std::to_string(order.selected.size()) + " selected";
  order.selected = choice.cases;
}

}  // namespace

RunOrder order_run(const RunOptions& options, const std::string& manifest_path, const Manifest& manifest,
                   const std::vector<std::size_t>& selected) {
  RunOrder order;
  order.selected = selected;
  if (options.random_order) {
    order.seed = choose_seed(options, manifest_path);
    order.selected = shuffle_cases(order.selected, manifest.cases, *order.seed);
    order.keep_order = true;
  }
  if (options.last_failed != LastFailedMode::off) choose_last_failed_cases(options, manifest_path, manifest, order);
  repeat(options.count, manifest, order.selected);
  return order;
}

void save_last_run(const std::string& manifest_path, const Manifest& manifest, const std::vector<std::size_t>& runnable,
                   const std::vector<std::string>& killed_not_finished, const History& finished,
                   const std::string& testrun_uid, std::optional<std::uint64_t> seed) {
  LastRun last_run;
  last_run.testrun_uid = testrun_uid;
  last_run.random_order_seed = seed;
  std::unordered_set<std::string> listed;  // --count repeats cases
  for (std::size_t index : runnable) {
    const std::string& id = manifest.cases[index].id;
    if (!finished.count(id) && listed.insert(id).second) last_run.not_run.push_back(id);
  }
  // A killed run's cases stay owed until a run finishes them, as its notice promised.
  for (const std::string& id : killed_not_finished)
    if (!finished.count(id) && listed.insert(id).second) last_run.not_run.push_back(id);
  try {
    write_last_run(last_run_path(manifest_path), last_run);
  } catch (const FileError& error) {
    std::fprintf(stderr, "ptest: warning: last run not saved: %s\n", error.what());
  }
}

}  // namespace ptest
