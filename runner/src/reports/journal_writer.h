// Writes the run journal (formats/run_journal.h) as the run goes: a line
// when it starts, one as each case finishes, written straight to the file
// (no buffer in the runner), so that every case finished before the runner
// is SIGKILLed is on disk. The file stays locked while the run lives, so a
// later run that can lock it knows its writer is gone. A run that ends
// (cleanly or by Ctrl-C, when the reports say what did not run) removes it.
#pragma once

#include <string>
#include <vector>

#include "run/reporter.h"

namespace ptest {

class JournalWriter : public Reporter {
 public:
  // Creates `path`. A journal that cannot be written is a warning (the run
  // goes on, unprotected), never a failure of the run.
  JournalWriter(const std::string& path, const Manifest& manifest, const std::vector<std::size_t>& selected);
  ~JournalWriter() override;
  JournalWriter(const JournalWriter&) = delete;
  JournalWriter& operator=(const JournalWriter&) = delete;

  void run_started(const RunStart& start) override;
  void case_finished(const TestCase& test_case, const CaseResult& result) override;
  void run_finished(const RunSummary& summary) override;

 private:
  void append(const std::string& line);
  void give_up(const std::string& why);

  std::string path_;
  std::vector<std::string> selected_;
  int fd_ = -1;
  bool finished_ = false;
};

}  // namespace ptest
