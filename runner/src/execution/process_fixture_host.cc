#include "execution/process_fixture_host.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>

#include "execution/env_file.h"
#include "process/process.h"
#include "process/run_captured.h"

namespace ptest {

namespace {

constexpr double kFixtureTimeout = 600;  // seconds; a hung fixture must not hang the run

Command fixture_command(const std::vector<std::string>& argv, const Fixture& fixture,
                        std::vector<std::string> environment, const std::string& env_file) {
  Command command;
  command.argv = argv;
  command.working_directory = fixture.working_directory;
  environment.push_back("PTEST_ENV=" + env_file);
  command.environment = std::move(environment);
  return command;
}

}  // namespace

FixtureSetup ProcessFixtureHost::set_up(const Fixture& fixture) {
  FixtureSetup setup;
  const std::string env_file = scratch_ + "/fixture-" + fixture.name + ".env";
  ::unlink(env_file.c_str());
  try {
    const CompletedProcess done =
        run_captured(fixture_command(fixture.setup, fixture, base_environment_, env_file), kFixtureTimeout);
    if (done.timed_out || !WIFEXITED(done.wait_status) || WEXITSTATUS(done.wait_status) != 0) {
      setup.message = "fixture '" + fixture.name + "' setup " +
                      (done.timed_out ? "timed out" : describe_wait_status(done.wait_status)) +
                      (done.output.empty() ? "" : ":\n" + done.output);
      return setup;
    }
  } catch (const ProcessError& error) {
    setup.message = "fixture '" + fixture.name + "' setup could not start: " + error.what();
    return setup;
  }
  setup.environment = read_env_file(env_file);
  setup.ok = true;
  return setup;
}

void ProcessFixtureHost::clean_up(const Fixture& fixture) {
  if (fixture.cleanup.empty()) return;
  const std::string env_file = scratch_ + "/fixture-" + fixture.name + ".env";
  try {
    const CompletedProcess done =
        run_captured(fixture_command(fixture.cleanup, fixture, base_environment_, env_file), kFixtureTimeout);
    if (done.timed_out || !WIFEXITED(done.wait_status) || WEXITSTATUS(done.wait_status) != 0)
      std::fprintf(stderr, "ptest: warning: fixture '%s' cleanup %s\n", fixture.name.c_str(),
                   done.timed_out ? "timed out" : describe_wait_status(done.wait_status).c_str());
  } catch (const ProcessError& error) {
    std::fprintf(stderr, "ptest: warning: fixture '%s' cleanup could not start: %s\n", fixture.name.c_str(),
                 error.what());
  }
}

}  // namespace ptest
