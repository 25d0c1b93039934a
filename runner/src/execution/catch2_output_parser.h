// Reads Catch2's XML reporter (`--reporter xml`) as it streams:
// <OverallResult success="true|false" durationInSeconds="..." [skips="N"]/>
// ends each case (skips: Catch2 3's SKIP()), and a <FatalErrorCondition>
// inside one is a signal Catch2 caught before the process died of it.
#pragma once

#include "execution/xml_case_stream_parser.h"

namespace ptest {

class Catch2OutputParser : public XmlCaseStreamParser {
 public:
  using XmlCaseStreamParser::XmlCaseStreamParser;

 private:
  void read_element(std::string_view tag, std::string_view line, Verdict& verdict) override;
};

}  // namespace ptest
