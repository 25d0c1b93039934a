// `ptest merge --verify`: the proof that the shards ran the plan's selection,
// every case exactly once. It catches a missing shard, a shard that ran
// everything (its shard variables lost), shards from different plans, and
// a shard that stopped early.
#pragma once

#include <string>
#include <vector>

#include "formats/report_file.h"

namespace ptest {

// What is wrong, one line each; empty when the reports prove the run.
std::vector<std::string> verify_shards(const std::vector<ReportFile>& reports);

// The first report whose plan digest differs from the first report's, as a
// one-line reason; empty when all agree (or none is a shard's).
std::string different_plans(const std::vector<ReportFile>& reports);

}  // namespace ptest
