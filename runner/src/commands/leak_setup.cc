#include "commands/leak_setup.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "process/orphans.h"

namespace ptest {

LeakSetup::LeakSetup(const RunOptions& options, const std::string& testrun_uid) {
  options_.timeout = options.leak_timeout;
  options_.fail = options.leak_fails;
  options_.testrun_uid = testrun_uid;
  options_.enabled = become_child_subreaper();
  if (!options_.enabled)
    std::fprintf(stderr,
                 "ptest: warning: leaked processes cannot be found here (PR_SET_CHILD_SUBREAPER: %s); "
                 "only the test processes' groups are killed\n",
                 std::strerror(errno));
}

LeakSetup::~LeakSetup() {
  if (options_.enabled) LeakDetector::kill_stragglers();
}

}  // namespace ptest
