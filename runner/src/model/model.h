// Plain data shared by every part of the runner: what a test case is, where it
// comes from, and what happened when it ran. No behaviour lives here.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ptest {

// How a target's binary runs its cases and tells of them.
enum class Framework {
  gtest,  // GoogleTest: cases chosen with --gtest_filter, many per process, read from its output
  plain,  // any executable: one case, the whole process; its exit status is the outcome
  catch2,   // Catch2: cases chosen by escaped name, many per process, read from its XML reporter
  doctest,  // doctest: cases chosen with --test-case, many per process, read from its XML reporter
};

const char* framework_name(Framework framework);
std::optional<Framework> parse_framework(std::string_view text);

// One test binary and how to start it; every case of the binary shares it.
struct Target {
  std::string name;
  std::string executable;
  std::vector<std::string> arguments;  // EXTRA_ARGS, placed after the gtest flags
  std::string working_directory;
  std::vector<std::pair<std::string, std::string>> environment;
  std::vector<std::string> fixtures;  // FIXTURES: set up before any of its cases runs
  Framework framework = Framework::gtest;
  // LAUNCHER, then CROSSCOMPILING_EMULATOR: the command the executable runs
  // under, when listed and in every batch ("valgrind --error-exitcode=1").
  std::vector<std::string> launcher;
  // ptest_add_test(SKIP_RETURN_CODE): a plain case that exits with it is skipped; 0: none.
  int skip_return_code = 0;
};

// ptest_add_fixture(): commands run once per run around the cases that need
// them. What SETUP writes to the file named by PTEST_ENV (NAME=VALUE lines)
// is added to those cases' environment.
struct Fixture {
  std::string name;
  std::vector<std::string> setup;
  std::vector<std::string> cleanup;  // empty: none
  std::string working_directory;
};

// One GoogleTest case as discovered at build time.
struct TestCase {
  std::string id;     // "<target>::<Suite>.<Test>", unique in a manifest
  std::string name;   // "<Suite>.<Test>", what --gtest_filter takes
  std::string suite;  // the fixture: pytest's class
  std::string file;
  int line = 0;
  std::vector<std::string> markers;  // sorted, no duplicates
  std::string group;                 // empty: in no group
  double timeout = 0;                // seconds; 0: none
  bool disabled = false;             // DISABLED_ cases are listed, never run
  int reruns = 0;                    // how often a failed attempt runs again (RERUNS, --reruns)
  double slow = 0;                   // seconds: its own slow period (SLOW), beating --slow; 0: --slow's
  std::size_t target = 0;            // index into Manifest::targets
};

// Puts markers in the order a TestCase keeps them: sorted, no duplicates.
void normalise_markers(std::vector<std::string>& markers);

// A marker the project registered with ptest_markers().
struct MarkerInfo {
  std::string name;
  std::string description;
};

// Cases with this marker run while no other case runs (SERIAL, RUN_SERIAL).
inline constexpr const char* kSerialMarker = "serial";

struct Manifest {
  std::vector<Target> targets;
  std::vector<TestCase> cases;
  std::vector<MarkerInfo> markers;  // the registry; empty in a manifest from before it
  std::vector<Fixture> fixtures;
};

// flaky: failed, crashed or timed out, then passed on a rerun (--reruns).
enum class Outcome { passed, failed, skipped, crashed, timeout, flaky };

const char* outcome_name(Outcome outcome);

// Worker names as pytest-xdist spells them: gw0, gw1, ... (PTEST_WORKER).
std::string worker_name(int worker);

// Whether an outcome makes the run fail.
inline bool is_failure(Outcome outcome) {
  return outcome == Outcome::failed || outcome == Outcome::crashed ||
         outcome == Outcome::timeout;
}

// A process a case's test process left running after it ended (a daemon,
// a double fork): found, reported and killed by the runner.
struct LeakedProcess {
  int pid = 0;
  std::string command_line;
};

struct CaseResult {
  std::size_t case_index = 0;  // into Manifest::cases
  Outcome outcome = Outcome::passed;
  int worker = 0;
  double start = 0;  // seconds since the run began
  double stop = 0;
  std::string output;   // what the case printed, maybe cut in the middle
  std::string message;  // why the runner gave this outcome, if not gtest's own
  // With reruns: the failed attempts before this last one, oldest first.
  std::vector<CaseResult> earlier_attempts;
  std::vector<LeakedProcess> leaks;  // left running by the process that ran the case last
};

// The result of a case the runner decided without running it (disabled, its
// fixture failed, its process could not start or ran none of its cases):
// it starts and stops at `at`.
CaseResult result_without_running(std::size_t case_index, Outcome outcome, int worker, double at,
                                  std::string message);

}  // namespace ptest
