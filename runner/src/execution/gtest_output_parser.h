// Reads the console output of a running GoogleTest binary, as it streams, and
// tells when each case starts and how it ends. GoogleTest flushes stdout after
// every "[ RUN      ]" and result line, so the lines arrive as the cases run.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "execution/case_stream_parser.h"
#include "execution/output_buffer.h"
#include "model/model.h"

namespace ptest {

// reported_seconds: GoogleTest's own "(N ms)", to the millisecond.
class GtestOutputParser : public CaseStreamParser {
 public:
  explicit GtestOutputParser(std::size_t output_limit)
      : case_output_(output_limit), stray_output_(output_limit) {}

  void feed(std::string_view chunk, Listener& listener) override;

  const std::optional<std::string>& running_case() const override { return running_; }
  std::string running_output() const override;
  std::string stray_output() const override;

 private:
  void handle_line(std::string_view line, Listener& listener);

  std::string partial_line_;
  std::optional<std::string> running_;
  OutputBuffer case_output_;
  OutputBuffer stray_output_;
};

}  // namespace ptest
