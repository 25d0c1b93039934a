// A FixtureHost that runs nothing: it records each call, and its setups
// export DB_URL=db://test, or all fail when `fail` is set.
#pragma once

#include <string>
#include <vector>

#include "run/fixture_host.h"

namespace ptest::testing {

class FakeFixtureHost : public FixtureHost {
 public:
  bool fail = false;
  std::vector<std::string> calls;  // "setup db", "cleanup db"

  FixtureSetup set_up(const Fixture& fixture) override {
    calls.push_back("setup " + fixture.name);
    FixtureSetup setup;
    setup.ok = !fail;
    setup.environment = {{"DB_URL", "db://test"}};
    setup.message = fail ? "fixture '" + fixture.name + "' setup exited with status 1" : "";
    return setup;
  }
  void clean_up(const Fixture& fixture) override { calls.push_back("cleanup " + fixture.name); }
};

}  // namespace ptest::testing
