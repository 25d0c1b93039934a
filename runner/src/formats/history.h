// What earlier runs learned: each case's last duration, whether it failed,
// and its outcomes over its last runs (ptest --flaky).
// Kept in <build>/ptest/history.json; the scheduler orders and sizes work by
// it. Format in docs/formats.md.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <string>
#include <unordered_map>

namespace ptest {

struct CaseHistory {
  double duration = 0;  // seconds, of the last run that finished the case
  bool failed = false;  // its last outcome was failed, crashed or timeout
  // The outcomes of its last runs (at most kRecentRuns), oldest first, a
  // letter each: 'p' passed or skipped, 'f' failed, crashed or timed out,
  // 'k' flaky. An update's letters are appended to the file's.
  std::string recent;
};

inline constexpr std::size_t kRecentRuns = 20;

using History = std::unordered_map<std::string, CaseHistory>;  // by case id

struct HistoryRead {
  History history;
  std::string warning;  // set when the file exists but cannot be used
  // Which version of the file was read, so an update can tell whether
  // another run has written it since.
  ino_t inode = 0;
  off_t size = -1;
  long long mtime_ns = -1;
};

// The file's content as a History; throws std::runtime_error saying what is wrong.
History parse_history(const std::string& text);

// A missing file is an empty history; a corrupt one is an empty history and a warning.
HistoryRead read_history(const std::string& path);

// Merges `updates` into the file under a lock, replacing it atomically, so two
// runs that end together both keep their results. `read` is what this run
// read at its start: if the file is unchanged since, it is not read again.
// Throws FileError.
void update_history(const std::string& path, const HistoryRead& read, const History& updates);

}  // namespace ptest
