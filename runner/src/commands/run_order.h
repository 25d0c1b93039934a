// What --lf, --ff and --random-order make of a selection, and what a run
// leaves for the next one's (formats/last_run.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "commands/options.h"
#include "formats/history.h"
#include "model/model.h"

namespace ptest {

struct RunOrder {
  std::vector<std::size_t> selected;        // what to run, in this order
  std::optional<std::uint64_t> seed;        // --random-order's seed
  bool keep_order = false;                  // the scheduler must not reorder by the history
  std::string note;                         // a line to print as the run starts; empty: none
  // ptest replay: by worker, each process's cases (SchedulerOptions::fixed_batches).
  std::vector<std::vector<std::vector<std::size_t>>> fixed_batches;
};

// Throws UsageError (--random-order-seed last with no seed to reuse).
RunOrder order_run(const RunOptions& options, const std::string& manifest_path, const Manifest& manifest,
                   const std::vector<std::size_t>& selected);

// Writes <build>/ptest/last-run.json: the runnable cases that did not
// finish (`finished`: the history's updates, by id), those of
// `killed_not_finished` (what killed runs left, commands/interrupted_runs.h)
// that this run did not finish either, and the seed. A failure is a
// warning: the file is a help, not a result.
void save_last_run(const std::string& manifest_path, const Manifest& manifest, const std::vector<std::size_t>& runnable,
                   const std::vector<std::string>& killed_not_finished, const History& finished,
                   const std::string& testrun_uid, std::optional<std::uint64_t> seed);

}  // namespace ptest
