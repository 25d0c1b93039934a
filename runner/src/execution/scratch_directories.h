// The run's scratch space: one fresh directory per worker (PTEST_TMPDIR),
// under one directory for the run in $TMPDIR, removed when the run ends.
// A runner that is SIGKILLed cannot remove its own, so each run holds a lock
// in its directory while it lives, and a run that starts removes the
// directories of runs whose lock nobody holds.
#pragma once

#include <string>
#include <vector>

namespace ptest {

class ScratchDirectories {
 public:
  // Throws FileError if the directories cannot be made.
  explicit ScratchDirectories(int workers);
  ~ScratchDirectories();
  ScratchDirectories(const ScratchDirectories&) = delete;
  ScratchDirectories& operator=(const ScratchDirectories&) = delete;

  const std::vector<std::string>& paths() const { return paths_; }  // by worker
  const std::string& root() const { return root_; }

 private:
  std::string root_;
  std::vector<std::string> paths_;
  int lock_ = -1;  // held while the run lives
};

}  // namespace ptest
