#include "scratch_directories.h"

#include <ftw.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "atomic_file.h"
#include "model.h"

namespace ptest {

namespace {

int remove_entry(const char* path, const struct stat*, int, struct FTW*) { return ::remove(path); }

}  // namespace

void remove_tree(const std::string& path) { ::nftw(path.c_str(), remove_entry, 16, FTW_DEPTH | FTW_PHYS); }

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
