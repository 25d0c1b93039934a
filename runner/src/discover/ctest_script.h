// The CTest side of discovery: a script of add_test() and
// set_tests_properties() calls, one test per case, which CTest includes.
// Every marker becomes a label (all of them: gtest_discover_tests keeps only
// the first of a LABELS list), a group becomes a RESOURCE_LOCK, and
// DISABLED_ cases are registered as disabled.
#pragma once

#include <string>

#include "model/model.h"

namespace ptest {

// How CTest starts a case: through `<runner> exec --slots <dir> --`, which
// gives it a worker name no concurrently running case has. Empty: directly.
struct CtestLauncher {
  std::string runner;
  std::string slots;
  std::string fixtures;  // where fixture setups leave their PTEST_ENV files
};

std::string ctest_script(const Manifest& manifest, const CtestLauncher& launcher = {});

// CTEST_MODE RUNNER: one ctest test per distinct marker set of the target's
// cases, labelled with that set, which runs the ptest runner on exactly those
// cases (`-m` naming every marker of the target, each with or without `not`).
// So `ctest -L smoke` runs every smoke case once, with batching and stealing.
// `workers`: the runner's -n and the test's PROCESSORS, at most.
std::string ctest_runner_script(const Manifest& manifest, const std::string& runner, const std::string& manifest_path,
                                int workers);

// A CMake bracket argument holding `text` verbatim: [==[text]==], with as
// many '=' as it takes for the closing bracket not to occur inside.
std::string cmake_bracket(const std::string& text);

}  // namespace ptest
