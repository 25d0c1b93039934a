// Time that moves only when a test moves it, so nothing waits and no
// result depends on how fast the machine is.
#pragma once

#include <functional>

namespace ptest::testing {

class FakeClock {
 public:
  double now() const { return now_; }
  void advance(double seconds) { now_ += seconds; }
  // For parts that take their clock as a function (TerminalOptions::clock).
  std::function<double()> function() const {
    return [this] { return now_; };
  }

 private:
  double now_ = 0;
};

}  // namespace ptest::testing
