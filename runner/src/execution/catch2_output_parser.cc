#include "execution/catch2_output_parser.h"

#include <cstdlib>

#include "util/xml_attributes.h"

namespace ptest {

void Catch2OutputParser::read_element(std::string_view tag, std::string_view line, Verdict& verdict) {
  if (tag == "FatalErrorCondition") {
    verdict.crashed = true;
  } else if (tag == "OverallResult") {
    const bool success = xml_attribute(line, "success").value_or("false") == "true";
    const bool skipped = std::atoi(xml_attribute(line, "skips").value_or("0").c_str()) > 0;
    verdict.outcome = !success ? Outcome::failed : skipped ? Outcome::skipped : Outcome::passed;
    if (const auto seconds = xml_attribute(line, "durationInSeconds")) verdict.seconds = std::strtod(seconds->c_str(), nullptr);
  }
}

}  // namespace ptest
