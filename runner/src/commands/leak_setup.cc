#include "commands/leak_setup.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "process/orphans.h"

namespace ptest {

LeakSetup::LeakSetup(double timeout, bool fail, const std::string& testrun_uid) {
  options_.timeout = timeout;
  options_.fail = fail;
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
