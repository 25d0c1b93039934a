// `ptest merge REPORT.json... [--report-json OUT] [--junitxml OUT]
// [--history OUT] [--verify]`: joins the shards' JSON reports into one
// report, one JUnit XML and one history, and with --verify proves that the
// shards ran the plan's selection exactly once.
#pragma once

#include <string>
#include <vector>

namespace ptest {

// `arguments` excludes "merge". Exit 0, 1 when --verify fails, 4 for bad input.
int merge_command(const std::vector<std::string>& arguments);

}  // namespace ptest
