#include "reports/journal_writer.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "formats/run_journal.h"

namespace ptest {

JournalWriter::JournalWriter(const std::string& path, const Manifest& manifest,
                             const std::vector<std::size_t>& selected)
    : path_(path) {
  for (std::size_t index : selected) selected_.push_back(manifest.cases[index].id);
  fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0644);
  if (fd_ < 0 || ::flock(fd_, LOCK_EX | LOCK_NB) != 0) give_up(std::strerror(errno));
}

JournalWriter::~JournalWriter() {
  if (fd_ < 0) return;
  if (finished_) ::unlink(path_.c_str());  // before the lock goes: nobody reads a finished run's journal
  ::close(fd_);
}

void JournalWriter::run_started(const RunStart& start) { append(journal_run_started(start.testrun_uid, selected_)); }

void JournalWriter::case_finished(const TestCase& test_case, const CaseResult& result) {
  append(journal_case_finished(test_case.id, outcome_name(result.outcome), result.stop - result.start));
}

void JournalWriter::run_finished(const RunSummary& summary) {
  append(journal_run_finished(summary.interrupted));
  finished_ = fd_ >= 0;
}

void JournalWriter::append(const std::string& line) {
  if (fd_ < 0) return;
  std::size_t done = 0;
  while (done < line.size()) {
    const ssize_t written = ::write(fd_, line.data() + done, line.size() - done);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) {
      give_up(written < 0 ? std::strerror(errno) : "nothing written");
      return;
    }
    done += static_cast<std::size_t>(written);
  }
}

void JournalWriter::give_up(const std::string& why) {
  std::fprintf(stderr, "ptest: warning: run journal '%s': %s; a runner killed now would lose its results\n",
               path_.c_str(), why.c_str());
  if (fd_ >= 0) {
    ::close(fd_);
    ::unlink(path_.c_str());
  }
  fd_ = -1;
}

}  // namespace ptest
