#include "commands/interrupted_runs.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <unordered_set>
#include <vector>

#include "formats/run_journal.h"
#include "util/atomic_file.h"
#include "util/paths.h"

namespace ptest {

namespace {

std::string journal_directory(const std::string& manifest_path) { return sibling_path(manifest_path, "journal"); }

// Whether the journal's run is gone: nobody holds its lock. A journal that
// cannot be opened is not ours to judge.
bool writer_is_gone(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool gone = ::flock(fd, LOCK_EX | LOCK_NB) == 0;
  ::close(fd);
  return gone;
}

}  // namespace

std::string journal_path(const std::string& manifest_path, const std::string& testrun_uid) {
  const std::string directory = journal_directory(manifest_path);
  ::mkdir(directory.c_str(), 0755);
  return directory + "/" + testrun_uid + ".jsonl";
}

std::string interrupted_journal_path(const std::string& manifest_path) {
  return sibling_path(manifest_path, "interrupted.jsonl");
}

std::optional<LastRun> report_interrupted_runs(const std::string& manifest_path) {
  const std::string directory = journal_directory(manifest_path);
  DIR* dir = ::opendir(directory.c_str());
  if (!dir) return std::nullopt;
  std::vector<std::string> journals;
  while (const dirent* entry = ::readdir(dir)) {
    const std::string name = entry->d_name;
    if (name.size() > 6 && name.compare(name.size() - 6, 6, ".jsonl") == 0) journals.push_back(directory + "/" + name);
  }
  ::closedir(dir);
  std::optional<LastRun> killed;
  std::unordered_set<std::string> listed;  // two killed runs may share cases
  for (const std::string& path : journals) {
    if (!writer_is_gone(path)) continue;  // a run going on at the same time
    JournalContents contents;
    try {
      contents = read_journal(path);
    } catch (const FileError&) {
      continue;
    }
    if (contents.run_finished) {
      ::unlink(path.c_str());
      continue;
    }
    const std::vector<std::string> not_finished = contents.not_finished();
    std::fprintf(stderr, "ptest: the last run was interrupted; %zu case%s did not run (%s)%s\n", not_finished.size(),
                 not_finished.size() == 1 ? "" : "s",
                 interrupted_journal_path(manifest_path).c_str(), not_finished.empty() ? "" : "; --lf runs them");
    if (::rename(path.c_str(), interrupted_journal_path(manifest_path).c_str()) != 0) ::unlink(path.c_str());
    if (!killed) killed.emplace();
    killed->testrun_uid = contents.testrun_uid;
    for (const std::string& id : not_finished)
      if (listed.insert(id).second) killed->not_run.push_back(id);
  }
  return killed;
}

}  // namespace ptest
