// What runs a fixture's commands (ptest_add_fixture). The run loop decides
// when; the host only runs them: the real one as processes, a fake in tests.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "model.h"

namespace ptest {

// The NAME=VALUE lines of a PTEST_ENV file; nothing when it does not exist
// (the setup exported nothing).
std::vector<std::pair<std::string, std::string>> read_env_file(const std::string& path);

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

// Runs SETUP and CLEANUP to their end, with PTEST_ENV naming a fresh file
// in `scratch`, and reads NAME=VALUE lines back from it.
class ProcessFixtureHost : public FixtureHost {
 public:
  ProcessFixtureHost(std::vector<std::string> base_environment, std::string scratch)
      : base_environment_(std::move(base_environment)), scratch_(std::move(scratch)) {}
  FixtureSetup set_up(const Fixture& fixture) override;
  void clean_up(const Fixture& fixture) override;

 private:
  std::vector<std::string> base_environment_;
  std::string scratch_;
};

}  // namespace ptest
