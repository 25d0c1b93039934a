#include "run/reported_fixture_host.h"

namespace ptest {

FixtureSetup ReportedFixtureHost::set_up(const Fixture& fixture) {
  FixtureRun run{fixture.name, FixturePhase::setup, false};
  reporter_.fixture_started(run, clock_.now());
  FixtureSetup setup = host_->set_up(fixture);
  run.failed = !setup.ok;
  reporter_.fixture_finished(run, clock_.now());
  return setup;
}

void ReportedFixtureHost::clean_up(const Fixture& fixture) {
  const FixtureRun run{fixture.name, FixturePhase::cleanup, false};
  reporter_.fixture_started(run, clock_.now());
  host_->clean_up(fixture);
  reporter_.fixture_finished(run, clock_.now());
}

}  // namespace ptest
