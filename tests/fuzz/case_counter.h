// What the output parsers' fuzz targets check of every input: a case
// starts only when none runs, and only a started case finishes.
#pragma once

#include <cstdlib>
#include <string>

#include "execution/case_stream_parser.h"

struct CaseCounter : ptest::CaseStreamParser::Listener {
  int running = 0;
  void case_started(const std::string&) override {
    if (running != 0) std::abort();
    ++running;
  }
  void case_finished(const std::string&, ptest::Outcome, double, std::string) override {
    if (running != 1) std::abort();
    --running;
  }
};
