// Reads the console output of a running GoogleTest binary, as it streams, and
// tells when each case starts and how it ends. GoogleTest flushes stdout after
// every "[ RUN      ]" and result line, so the lines arrive as the cases run.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "execution/output_buffer.h"
#include "model/model.h"

namespace ptest {

class GtestOutputParser {
 public:
  class Listener {
   public:
    virtual ~Listener() = default;
    virtual void case_started(const std::string& name) = 0;
    // reported_seconds: GoogleTest's own "(N ms)", to the millisecond; < 0
    // when the line has none (--gtest_print_time=0).
    virtual void case_finished(const std::string& name, Outcome outcome, double reported_seconds,
                               std::string output) = 0;
  };

  explicit GtestOutputParser(std::size_t output_limit)
      : case_output_(output_limit), stray_output_(output_limit) {}

  void feed(std::string_view chunk, Listener& listener);

  // After the process ended: the case that was running, if any, and what it printed.
  const std::optional<std::string>& running_case() const { return running_; }
  std::string running_output() const;
  // What the binary printed outside any case (start-up, a crash after the last case).
  std::string stray_output() const;

 private:
  void handle_line(std::string_view line, Listener& listener);

  std::string partial_line_;
  std::optional<std::string> running_;
  OutputBuffer case_output_;
  OutputBuffer stray_output_;
};

}  // namespace ptest
