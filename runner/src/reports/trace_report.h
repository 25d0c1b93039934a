// --trace: the run as a Chrome trace-event JSON timeline, which Perfetto
// (ui.perfetto.dev) and chrome://tracing open. One track per worker; each
// test process is a slice named after its target, with its cases nested
// inside, their id and outcome as arguments; a process that died mid-batch
// (a worker restart) is marked where it ended, and one of stolen work where
// it started; fixtures' setups and cleanups are slices on a track of their
// own. Format: docs/formats.md#trace.
#pragma once

#include <string>

#include "reports/timeline.h"

namespace ptest {

std::string trace_json(const Manifest& manifest, const Timeline& timeline);

}  // namespace ptest
