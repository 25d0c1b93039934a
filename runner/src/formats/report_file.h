// A --report-json file read back, for `ptest merge`: what a shard ran and
// how, as plain structs. Format in docs/formats.md#json-report.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace ptest {

// A process the case's process left running, which the runner killed.
struct ReportedLeak {
  int pid = 0;
  std::string command_line;
};

struct ReportedCase {
  std::string id, outcome, worker, message, output;
  double duration = 0, start = 0, stop = 0;
  int shard = 0;  // from 1; 0: the report was not a shard's
  std::vector<ReportedLeak> leaks;
};

struct ReportedShard {
  int index = 1, total = 1;
  std::string plan_digest;
  std::size_t plan_selected = 0, shard_selected = 0;
  std::vector<std::string> not_run;  // its cases that did not finish
};

struct ReportFile {
  std::string path;
  std::string testrun_uid, dist;
  int workers = 0;
  std::size_t selected = 0, not_run = 0;
  double duration = 0;
  bool interrupted = false;
  std::optional<ReportedShard> shard;
  std::vector<ReportedCase> cases;
};

// Throws UserError: "report '<path>': <why>" for a missing file or one that is not a ptest JSON report.
ReportFile read_report(const std::string& path);

// The same for a report's text already read; `path` names it in the error and in ReportFile::path.
ReportFile parse_report(const std::string& text, const std::string& path);

}  // namespace ptest
