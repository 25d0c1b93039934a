// The real FixtureHost: runs SETUP and CLEANUP as processes to their end,
// with PTEST_ENV naming a fresh file in a scratch directory, and reads the
// NAME=VALUE lines SETUP wrote there back as the fixture's environment.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "run/fixture_host.h"

namespace ptest {

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
