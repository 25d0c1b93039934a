// The run journal (docs/formats.md#run-journal): JSON Lines a run appends
// to as each case finishes, so that a runner that is killed (out of memory,
// a CI timeout, SIGKILL) loses nothing it knew. Its lines are a subset of
// --report-log's (the same "$report_type" records), so either can tell the
// next run what the killed one did not finish.
#pragma once

#include <set>
#include <string>
#include <vector>

namespace ptest {

struct JournalContents {
  std::string testrun_uid;
  std::vector<std::string> selected;  // the run's case ids, in its order
  std::set<std::string> finished;     // ids of the cases it finished
  bool run_finished = false;          // it ended, cleanly or by Ctrl-C
  // The selected cases it did not finish, in its order.
  std::vector<std::string> not_finished() const;
  std::set<std::string> failed;  // ids of the finished cases that failed, crashed or timed out (in any round)
  // What --lf owes the run: its cases that failed or did not finish, in its order.
  std::vector<std::string> to_run_again() const;
};

// The lines a journal holds.
std::string journal_run_started(const std::string& testrun_uid, const std::vector<std::string>& selected);
std::string journal_case_finished(const std::string& id, const std::string& outcome, double duration);
std::string journal_run_finished(bool interrupted);

// What a journal's text holds; lines that are not whole records (the last
// one, when the writer died mid-write) are skipped. Never throws.
JournalContents parse_journal(const std::string& text);

// parse_journal() of the file. Throws FileError if it cannot be read.
JournalContents read_journal(const std::string& path);

}  // namespace ptest
