#include "model.h"

namespace ptest {

const char* outcome_name(Outcome outcome) {
  switch (outcome) {
    case Outcome::passed: return "passed";
    case Outcome::failed: return "failed";
    case Outcome::skipped: return "skipped";
    case Outcome::crashed: return "crashed";
    case Outcome::timeout: return "timeout";
  }
  return "unknown";
}

std::string worker_name(int worker) { return "gw" + std::to_string(worker); }

}  // namespace ptest
