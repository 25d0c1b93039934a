// What the last run left for the next one: the cases it selected but never
// finished (it was stopped or interrupted), for --lf and --ff, and its
// random-order seed, for --random-order-seed last. Kept in
// <build>/ptest/last-run.json, beside the history, which holds each case's
// last outcome. Format in docs/formats.md#last-run.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ptest {

struct LastRun {
  std::string testrun_uid;
  std::vector<std::string> not_run;             // case ids, selected and never finished
  std::optional<std::uint64_t> random_order_seed;  // empty: the run kept its order
};

struct LastRunRead {
  std::optional<LastRun> last_run;  // empty: no earlier run, or one that cannot be used
  std::string warning;              // set when the file exists but cannot be used
};

// The file's content; throws std::runtime_error saying what is wrong.
LastRun parse_last_run(const std::string& text);
std::string last_run_to_json(const LastRun& last_run);

// A missing file is no earlier run; a corrupt one is none and a warning.
LastRunRead read_last_run(const std::string& path);

// Replaces the file atomically. Throws FileError.
void write_last_run(const std::string& path, const LastRun& last_run);

}  // namespace ptest
