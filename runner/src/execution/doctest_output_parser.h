// Reads doctest's XML reporter (`--reporters=xml`) as it streams:
// <OverallResultsAsserts ... test_case_success="true|false"/> ends each
// case, and an <Exception crash="true"> inside one is a signal doctest
// caught before the process died of it. doctest gives no duration: the
// runner's clock measures the case.
#pragma once

#include "execution/xml_case_stream_parser.h"

namespace ptest {

class DoctestOutputParser : public XmlCaseStreamParser {
 public:
  using XmlCaseStreamParser::XmlCaseStreamParser;

 private:
  void read_element(std::string_view tag, std::string_view line, Verdict& verdict) override;
};

}  // namespace ptest
