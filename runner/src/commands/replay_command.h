// `ptest replay REPORT.json [--worker gwN]`: runs the test processes that a
// JSON report recorded (its "processes") again, each worker's in their
// order, with the same cases in each process and the same GoogleTest
// shuffle seed, so an order-dependent failure seen in CI comes back.
#pragma once

#include <string>
#include <vector>

namespace ptest {

// `arguments` follow "replay". Returns the exit status; errors are printed
// as "ptest: error: ..." lines (exit 4).
int replay_command(const std::vector<std::string>& arguments);

}  // namespace ptest
