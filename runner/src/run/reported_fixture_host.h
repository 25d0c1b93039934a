// A FixtureHost that passes each setup and cleanup on to another and tells
// the reporters when it started and ended, on the executor's clock: what
// the --trace timeline draws of fixtures.
#pragma once

#include "run/executor.h"
#include "run/fixture_host.h"
#include "run/reporter.h"

namespace ptest {

class ReportedFixtureHost : public FixtureHost {
 public:
  // `host` null: never called (the run sets no fixture up).
  ReportedFixtureHost(FixtureHost* host, Reporter& reporter, const Executor& clock)
      : host_(host), reporter_(reporter), clock_(clock) {}

  FixtureSetup set_up(const Fixture& fixture) override;
  void clean_up(const Fixture& fixture) override;

 private:
  FixtureHost* host_;
  Reporter& reporter_;
  const Executor& clock_;
};

}  // namespace ptest
