// The marker registry's rules for the runner: which -m names are allowed,
// and the --markers listing.
#pragma once

#include "model/model.h"
#include "plan/selection.h"

namespace ptest {

// -m may name only registered markers (pytest's --strict-markers): throws
// UsageError with the closest registered name. A manifest from before the
// registry has none: then an unknown marker is only a warning on stderr.
void check_markers(const Selection& selection, const Manifest& manifest);

// ptest --markers: each registered marker with its case count and description.
void print_markers(const Manifest& manifest);

}  // namespace ptest
