#include "commands/interrupted_runs.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <unordered_set>
#include <vector>

#include "formats/run_journal.h"
#include "util/atomic_file.h"
#include "util/file_lock.h"
#include "util/paths.h"

namespace ptest {

namespace {

std::string journal_directory(const std::string& manifest_path) { return sibling_path(manifest_path, "journal"); }

struct DeadJournal {
  std::string path;
  JournalContents contents;
};

// The journals in <build>/ptest/journal/ whose writer is gone.
std::vector<DeadJournal> dead_journals(const std::string& manifest_path) {
  const std::string directory = journal_directory(manifest_path);
  DIR* dir = ::opendir(directory.c_str());
  if (!dir) return {};
  std::vector<std::string> journals;
  while (const dirent* entry = ::readdir(dir)) {
    const std::string name = entry->d_name;
    if (name.size() > 6 && name.compare(name.size() - 6, 6, ".jsonl") == 0) journals.push_back(directory + "/" + name);
  }
  ::closedir(dir);
  std::vector<DeadJournal> dead;
  for (const std::string& path : journals) {
    if (!lock_is_abandoned(path)) continue;  // a run going on at the same time
    try {
      dead.push_back(DeadJournal{path, read_journal(path)});
    } catch (const FileError&) {
    }
  }
  return dead;
}

// Two killed runs may share cases: each once.
void add_new(const std::vector<std::string>& from, std::vector<std::string>& to) {
  std::unordered_set<std::string> listed(to.begin(), to.end());
  for (const std::string& id : from)
    if (listed.insert(id).second) to.push_back(id);
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

std::vector<std::string> cases_killed_runs_owe(const std::string& manifest_path) {
  std::vector<std::string> ids;
  for (const DeadJournal& dead : dead_journals(manifest_path))
    if (!dead.contents.run_finished) add_new(dead.contents.to_run_again(), ids);
  return ids;
}

std::vector<std::string> report_interrupted_runs(const std::string& manifest_path) {
  std::vector<std::string> ids;
  for (const DeadJournal& dead : dead_journals(manifest_path)) {
    if (dead.contents.run_finished) {  // a run that ended but could not remove its journal
      ::unlink(dead.path.c_str());
      continue;
    }
    const std::vector<std::string> not_finished = dead.contents.not_finished();
    std::fprintf(stderr, "ptest: the last run was interrupted; %zu case%s did not run (%s)%s\n", not_finished.size(),
                 not_finished.size() == 1 ? "" : "s", interrupted_journal_path(manifest_path).c_str(),
                 not_finished.empty() ? "" : "; --lf runs them");
    if (::rename(dead.path.c_str(), interrupted_journal_path(manifest_path).c_str()) != 0) ::unlink(dead.path.c_str());
    add_new(dead.contents.to_run_again(), ids);
  }
  return ids;
}

}  // namespace ptest
