// The journal writer: every finished case is in the file as soon as the
// reporter hears of it (no buffer to lose), the file is locked while the
// run lives, and a run that finishes removes its journal.
#include "reports/journal_writer.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <unistd.h>

#include "formats/run_journal.h"
#include "test_support/builders.h"
#include "test_support/process_test_support.h"

using namespace ptest;
using ptest::testing::make_case;
using ptest::testing::make_manifest;
using ptest::testing::ScratchDir;

namespace {

bool locked_by_someone(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY);
  const bool locked = ::flock(fd, LOCK_EX | LOCK_NB) != 0;
  ::close(fd);
  return locked;
}

TEST(JournalWriter, EachFinishedCaseIsOnDiskAtOnceAndTheFileStaysLocked) {
  ScratchDir dir;
  const std::string path = dir.path() + "/uid.jsonl";
  const Manifest manifest = make_manifest(1, {make_case("S", "A"), make_case("S", "B")});
  JournalWriter journal(path, manifest, {0, 1});
  journal.run_started(RunStart{2, 1, "worksteal", "uid"});
  CaseResult result;
  result.case_index = 1;
  result.outcome = Outcome::failed;
  journal.case_finished(manifest.cases[1], result);
  const JournalContents contents = read_journal(path);  // while the writer lives
  EXPECT_EQ(contents.selected, (std::vector<std::string>{"bin0::S.A", "bin0::S.B"}));
  EXPECT_EQ(contents.finished, std::set<std::string>{"bin0::S.B"});
  EXPECT_EQ(contents.not_finished(), std::vector<std::string>{"bin0::S.A"});
  EXPECT_TRUE(locked_by_someone(path));
}

TEST(JournalWriter, AFinishedRunRemovesItsJournal) {
  ScratchDir dir;
  const std::string path = dir.path() + "/uid.jsonl";
  const Manifest manifest = make_manifest(1, {make_case("S", "A")});
  {
    JournalWriter journal(path, manifest, {0});
    journal.run_started(RunStart{1, 1, "worksteal", "uid"});
    journal.run_finished(RunSummary{});
  }
  EXPECT_NE(::access(path.c_str(), F_OK), 0);
}

TEST(JournalWriter, ADeadRunsJournalStaysUnlocked) {
  ScratchDir dir;
  const std::string path = dir.path() + "/uid.jsonl";
  const Manifest manifest = make_manifest(1, {make_case("S", "A")});
  { JournalWriter(path, manifest, {0}).run_started(RunStart{1, 1, "worksteal", "uid"}); }  // never finished
  EXPECT_FALSE(read_journal(path).run_finished);
  EXPECT_FALSE(locked_by_someone(path));
}

TEST(JournalWriter, AJournalThatCannotBeWrittenIsOnlyAWarning) {
  const Manifest manifest = make_manifest(1, {make_case("S", "A")});
  JournalWriter journal("/nonexistent/dir/uid.jsonl", manifest, {0});
  journal.run_started(RunStart{1, 1, "worksteal", "uid"});
  journal.run_finished(RunSummary{});
}

}  // namespace
