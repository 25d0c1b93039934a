// An exclusive advisory lock on a file, held for the object's lifetime: two
// processes that rewrite the same file (two test binaries finishing their
// build together, two runs ending together) take turns.
#pragma once

#include <string>

namespace ptest {

class FileLock {
 public:
  // Creates the lock file if needed; throws FileError if it cannot.
  explicit FileLock(const std::string& path);
  ~FileLock();
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int fd_;
};

// Whether the lock file at `path` exists and no process holds a lock on it:
// the run that made it is gone (a lock dies with its holder, SIGKILL too).
bool lock_is_abandoned(const std::string& path);

}  // namespace ptest
