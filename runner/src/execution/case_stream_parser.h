// What a framework's output parser does for a batch: reads the output of a
// running test binary as it streams, and tells when each case starts and
// how it ends. One implementation per framework (GtestOutputParser,
// Catch2OutputParser, DoctestOutputParser); StreamedBatch drives any of them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/model.h"

namespace ptest {

class CaseStreamParser {
 public:
  class Listener {
   public:
    virtual ~Listener() = default;
    // `name` as the framework prints it, which is TestCase::name.
    virtual void case_started(const std::string& name) = 0;
    // reported_seconds: the framework's own measure of the case; < 0 if it
    // gives none (GoogleTest's --gtest_print_time=0, Catch2 without --durations).
    virtual void case_finished(const std::string& name, Outcome outcome, double reported_seconds,
                               std::string output) = 0;
  };

  virtual ~CaseStreamParser() = default;

  virtual void feed(std::string_view chunk, Listener& listener) = 0;

  // After the process ended: the case that was running, if any, and what it printed.
  virtual const std::optional<std::string>& running_case() const = 0;
  virtual std::string running_output() const = 0;
  // What the binary printed outside any case (start-up, a crash after the last case).
  virtual std::string stray_output() const = 0;
};

}  // namespace ptest
