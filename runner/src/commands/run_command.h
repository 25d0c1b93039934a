// `ptest [options] [PATTERN...]`: the one place where the concrete parts of a
// run (manifest, selection, scheduler, process executor, reporters) are
// built and joined.
#pragma once

#include "commands/options.h"

namespace ptest {

// Returns the exit status; errors are printed as "ptest: error: ..." lines.
int run_command(const RunOptions& options);

}  // namespace ptest
