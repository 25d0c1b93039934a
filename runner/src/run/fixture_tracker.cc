#include "run/fixture_tracker.h"

namespace ptest {

FixtureTracker::FixtureTracker(const Manifest& manifest, const std::vector<std::size_t>& cases, FixtureHost* host)
    : manifest_(manifest), host_(host) {
  for (std::size_t i = 0; i < manifest.fixtures.size(); ++i) index_[manifest.fixtures[i].name] = i;
  for (std::size_t index : cases)
    for (const std::string& name : manifest.targets[manifest.cases[index].target].fixtures) ++states_[name].remaining;
}

std::string FixtureTracker::prepare(Batch& batch) {
  if (!host_) return {};
  for (const std::string& name : manifest_.targets[batch.target].fixtures) {
    State& state = states_[name];
    if (state.phase == Phase::pending) {
      auto it = index_.find(name);
      if (it == index_.end()) {
        state.phase = Phase::failed;
        state.message = "no fixture named '" + name + "' in the manifest";
      } else {
        const FixtureSetup setup = host_->set_up(manifest_.fixtures[it->second]);
        state.phase = setup.ok ? Phase::ready : Phase::failed;
        state.environment = setup.environment;
        state.message = setup.message;
      }
    }
    if (state.phase == Phase::failed) return state.message;
    batch.environment.insert(batch.environment.end(), state.environment.begin(), state.environment.end());
  }
  return {};
}

void FixtureTracker::done(std::size_t case_index) {
  for (const std::string& name : manifest_.targets[manifest_.cases[case_index].target].fixtures) {
    State& state = states_[name];
    if (state.remaining > 0 && --state.remaining == 0) clean_up(name, state);
  }
}

void FixtureTracker::finish() {
  for (auto& [name, state] : states_) clean_up(name, state);
}

// A failed setup is cleaned up too: it may have half-built something.
void FixtureTracker::clean_up(const std::string& name, State& state) {
  if (state.phase != Phase::ready && state.phase != Phase::failed) return;
  auto it = index_.find(name);
  if (host_ && it != index_.end()) host_->clean_up(manifest_.fixtures[it->second]);
  state.phase = Phase::cleaned;
}

}  // namespace ptest
