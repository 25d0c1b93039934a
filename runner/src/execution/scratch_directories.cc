#include "execution/scratch_directories.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "model/model.h"
#include "util/atomic_file.h"
#include "util/paths.h"

namespace ptest {

ScratchDirectories::ScratchDirectories(int workers) {
  const char* base = std::getenv("TMPDIR");
  std::string pattern = std::string(base && *base ? base : "/tmp") + "/ptest-XXXXXX";
  if (!::mkdtemp(pattern.data()))
    throw FileError("cannot create a scratch directory in '" + pattern + "': " + std::strerror(errno),
                    std::strerror(errno));
  root_ = pattern;
  for (int worker = 0; worker < workers; ++worker) {
    paths_.push_back(root_ + "/" + worker_name(worker));
    ::mkdir(paths_.back().c_str(), 0700);
  }
}

ScratchDirectories::~ScratchDirectories() { remove_tree(root_); }

}  // namespace ptest
