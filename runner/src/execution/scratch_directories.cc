#include "execution/scratch_directories.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "model/model.h"
#include "util/atomic_file.h"
#include "util/file_lock.h"
#include "util/paths.h"

namespace ptest {

namespace {

constexpr const char* kPrefix = "ptest-";  // then mkdtemp's six characters
constexpr const char* kLockName = ".ptest-run.lock";

// Removes the directories in `base` that runs of this user left behind
// when they were killed: those with a lock file that nobody holds. A
// directory without one is not a run's (or its run is still making it).
void remove_dead_runs(const std::string& base) {
  DIR* dir = ::opendir(base.c_str());
  if (!dir) return;
  std::vector<std::string> candidates;
  while (const dirent* entry = ::readdir(dir)) {
    const std::string name = entry->d_name;
    if (name.size() == std::strlen(kPrefix) + 6 && name.compare(0, std::strlen(kPrefix), kPrefix) == 0)
      candidates.push_back(base + "/" + name);
  }
  ::closedir(dir);
  for (const std::string& candidate : candidates) {
    struct stat info {};
    if (::lstat(candidate.c_str(), &info) != 0 || !S_ISDIR(info.st_mode) || info.st_uid != ::geteuid()) continue;
    // Its run is gone; no run locks another's file, so it stays free.
    if (lock_is_abandoned(candidate + "/" + kLockName)) remove_tree(candidate);
  }
}

}  // namespace

ScratchDirectories::ScratchDirectories(int workers) {
  const char* tmpdir = std::getenv("TMPDIR");
  const std::string base = tmpdir && *tmpdir ? tmpdir : "/tmp";
  remove_dead_runs(base);
  std::string pattern = base + "/" + kPrefix + "XXXXXX";
  if (!::mkdtemp(pattern.data()))
    throw FileError("cannot create a scratch directory in '" + pattern + "': " + std::strerror(errno),
                    std::strerror(errno));
  root_ = pattern;
  // Locked before it takes its name, so that no starting run sees it unlocked.
  const std::string unnamed = root_ + "/.lock-being-made", named = root_ + "/" + kLockName;
  lock_ = ::open(unnamed.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (lock_ >= 0 && (::flock(lock_, LOCK_EX) != 0 || ::rename(unnamed.c_str(), named.c_str()) != 0)) {
    ::close(lock_);
    lock_ = -1;
    ::unlink(unnamed.c_str());
  }
  for (int worker = 0; worker < workers; ++worker) {
    paths_.push_back(root_ + "/" + worker_name(worker));
    ::mkdir(paths_.back().c_str(), 0700);
  }
}

ScratchDirectories::~ScratchDirectories() {
  remove_tree(root_);
  if (lock_ >= 0) ::close(lock_);
}

}  // namespace ptest
