// `ptest [options] [PATTERN...]`: the one place where the concrete parts of a
// run (manifest, selection, scheduler, process executor, reporters) are
// built and joined.
#pragma once

#include <optional>
#include <string>

#include "commands/options.h"
#include "commands/run_order.h"
#include "commands/shard_selection.h"
#include "model/model.h"

namespace ptest {

// Returns the exit status; errors are printed as "ptest: error: ..." lines.
int run_command(const RunOptions& options);

// The manifest the options name, or the one found from the working
// directory up. Throws UsageError.
std::string manifest_path_for(const RunOptions& options);

// The run after selection: checks, runs `order.selected` (or its fixed
// batches), writes the reports. Also for `ptest replay`. `shard`: the
// part of a plan this run is; `history`: the duration history if already
// read (else it is read here).
int run_selected(const RunOptions& options, const std::string& manifest_path, Manifest& manifest,
                 const RunOrder& order, const std::optional<ShardRun>& shard = std::nullopt,
                 std::optional<HistoryRead> history = std::nullopt);

}  // namespace ptest
