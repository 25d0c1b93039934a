// A CaseStreamParser::Listener that keeps what it heard, for the output
// parser tests.
#pragma once

#include <string>
#include <vector>

#include "execution/case_stream_parser.h"

namespace ptest::testing {

struct CaseStreamRecorder : CaseStreamParser::Listener {
  struct Finished {
    std::string name;
    Outcome outcome;
    double seconds;
    std::string output;
  };
  std::vector<std::string> started;
  std::vector<Finished> finished;
  void case_started(const std::string& name) override { started.push_back(name); }
  void case_finished(const std::string& name, Outcome outcome, double seconds, std::string output) override {
    finished.push_back({name, outcome, seconds, std::move(output)});
  }
};

}  // namespace ptest::testing
