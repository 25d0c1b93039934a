#include "execution/worker_env.h"

#include "model/model.h"

namespace ptest {

std::vector<std::pair<std::string, std::string>> worker_variables(const WorkerIdentity& identity) {
  return {{"PTEST_WORKER", worker_name(identity.worker)},
          {"PTEST_WORKER_COUNT", std::to_string(identity.worker_count)},
          {"PTEST_TESTRUN_UID", identity.testrun_uid},
          {"PTEST_TMPDIR", identity.tmpdir},
          {"TEST_TMPDIR", identity.tmpdir}};
}

}  // namespace ptest
