#include "execution/doctest_output_parser.h"

#include "util/xml_attributes.h"

namespace ptest {

void DoctestOutputParser::read_element(std::string_view tag, std::string_view line, Verdict& verdict) {
  if (tag == "Exception" && xml_attribute(line, "crash").value_or("false") == "true") {
    verdict.crashed = true;
  } else if (tag == "OverallResultsAsserts") {
    const auto success = xml_attribute(line, "test_case_success");
    if (success) verdict.outcome = *success == "true" ? Outcome::passed : Outcome::failed;
  }
}

}  // namespace ptest
