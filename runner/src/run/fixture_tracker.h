// The fixtures of a run (ptest_add_fixture): each set up at most once,
// before the first batch that needs it, and cleaned up once, after the last
// case that needs it is done or at the end of the run. The run loop tells it
// what happens; a FixtureHost runs the commands.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "model/batch.h"
#include "model/model.h"
#include "run/fixture_host.h"

namespace ptest {

class FixtureTracker {
 public:
  // `cases`: every case the run will hand out; `host` null: no fixture is set up.
  FixtureTracker(const Manifest& manifest, const std::vector<std::size_t>& cases, FixtureHost* host);

  // Sets up what the batch's binary needs, adding the setups' exports to the
  // batch. Returns why it cannot run, or an empty string.
  std::string prepare(Batch& batch);

  // A case is done (finished, or will not run): cleans up what it was the last user of.
  void done(std::size_t case_index);

  // The end of the run: whatever was set up and not yet cleaned up.
  void finish();

 private:
  enum class Phase { pending, ready, failed, cleaned };
  struct State {
    Phase phase = Phase::pending;
    std::vector<std::pair<std::string, std::string>> environment;
    std::string message;
    std::size_t remaining = 0;  // cases not yet done that need it
  };

  void clean_up(const std::string& name, State& state);

  const Manifest& manifest_;
  FixtureHost* host_;
  std::map<std::string, std::size_t> index_;  // fixture name -> Manifest::fixtures
  std::map<std::string, State> states_;
};

}  // namespace ptest
