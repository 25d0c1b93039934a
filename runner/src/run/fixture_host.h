// What runs a fixture's commands (ptest_add_fixture). The run loop decides
// when; the host only runs them: the real one as processes
// (execution/process_fixture_host.h), a fake in tests.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "model/model.h"

namespace ptest {

struct FixtureSetup {
  bool ok = false;
  std::vector<std::pair<std::string, std::string>> environment;  // what SETUP wrote to PTEST_ENV
  std::string message;                                            // why it failed
};

class FixtureHost {
 public:
  virtual ~FixtureHost() = default;
  virtual FixtureSetup set_up(const Fixture& fixture) = 0;
  virtual void clean_up(const Fixture& fixture) = 0;
};

}  // namespace ptest
