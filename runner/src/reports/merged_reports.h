// `ptest merge`: shard reports joined into one run's JSON report, JUnit XML
// and duration history, as if one machine had run every shard.
#pragma once

#include <string>
#include <vector>

#include "formats/history.h"
#include "formats/report_file.h"

namespace ptest {

// One JSON report: each case once per report it appears in, with its
// shard, the summary recomputed from the cases, and where each part came from.
std::string render_merged_json(const std::vector<ReportFile>& reports);

// One JUnit XML, one <testsuite> per test binary, as --junitxml writes it.
std::string render_merged_junit(const std::vector<ReportFile>& reports);

// What the shards learned, for the history of the next run (skipped cases teach nothing).
History merged_history(const std::vector<ReportFile>& reports);

}  // namespace ptest
