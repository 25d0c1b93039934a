#include "execution/premature_exit.h"

#include <unistd.h>

namespace ptest {

std::string premature_exit_file(const std::string& worker_tmpdir) {
  return worker_tmpdir + "/.ptest-premature-exit";
}

bool take_premature_exit_file(const std::string& path) { return ::unlink(path.c_str()) == 0; }

}  // namespace ptest
