#include "reports/junit_report.h"

#include <algorithm>
#include <cstdio>
#include <map>

namespace ptest {

std::string xml_escape(const std::string& text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': escaped += "&amp;"; break;
      case '<': escaped += "&lt;"; break;
      case '>': escaped += "&gt;"; break;
      case '"': escaped += "&quot;"; break;
      case '\'': escaped += "&apos;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r')
          escaped += '?';
        else
          escaped += c;
    }
  }
  return escaped;
}

namespace {

std::string seconds(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3f", value);
  return text;
}

struct SuiteCounts {
  std::size_t tests = 0, failures = 0, errors = 0, skipped = 0;
  double time = 0;
  std::string body;
};

// The earlier attempts of a case that ran again (--reruns), as Maven
// Surefire writes them: `flaky*` when it passed in the end, `rerun*` when it
// failed every time; `*Failure` for a failed attempt, `*Error` for a crash
// or timeout.
std::string attempt_elements(const CaseResult& result) {
  const std::string prefix = result.outcome == Outcome::flaky ? "flaky" : "rerun";
  std::string xml;
  for (const CaseResult& attempt : result.earlier_attempts) {
    const std::string element = prefix + (attempt.outcome == Outcome::failed ? "Failure" : "Error");
    const std::string message = attempt.message.empty() ? outcome_name(attempt.outcome) : attempt.message;
    xml += "      <" + element + " message=\"" + xml_escape(message) + "\" type=\"" + outcome_name(attempt.outcome) +
           "\">\n        <stackTrace>" + xml_escape(attempt.output) + "</stackTrace>\n      </" + element + ">\n";
  }
  return xml;
}

std::string testcase_xml(const TestCase& test_case, const CaseResult& result, const std::string& target) {
  std::string xml = "    <testcase classname=\"" + xml_escape(target + "." + test_case.suite) +
                    "\" name=\"" + xml_escape(test_case.name.substr(test_case.suite.size() + 1)) +
                    "\" file=\"" + xml_escape(test_case.file) + "\" line=\"" +
                    std::to_string(test_case.line) + "\" time=\"" + seconds(result.stop - result.start) +
                    "\"";
  const std::string message = xml_escape(result.message.empty() ? outcome_name(result.outcome) : result.message);
  switch (result.outcome) {
    case Outcome::passed:
      return xml + "/>\n";
    case Outcome::skipped:
      return xml + ">\n      <skipped message=\"" + message + "\"/>\n    </testcase>\n";
    case Outcome::flaky:
      return xml + ">\n" + attempt_elements(result) + "    </testcase>\n";
    case Outcome::failed:
      return xml + ">\n      <failure message=\"" + message + "\">" + xml_escape(result.output) +
             "</failure>\n" + attempt_elements(result) + "    </testcase>\n";
    case Outcome::crashed:
    case Outcome::timeout:
      return xml + ">\n      <error type=\"" + outcome_name(result.outcome) + "\" message=\"" + message +
             "\">" + xml_escape(result.output) + "</error>\n" + attempt_elements(result) + "    </testcase>\n";
  }
  return xml + "/>\n";
}

}  // namespace

std::string JunitReport::render() const {
  const std::vector<const CaseResult*> ordered = in_manifest_order();
  std::map<std::size_t, SuiteCounts> suites;  // by target, in manifest order
  SuiteCounts total;
  for (const CaseResult* result : ordered) {
    const TestCase& test_case = manifest_.cases[result->case_index];
    SuiteCounts& suite = suites[test_case.target];
    for (SuiteCounts* counts : {&suite, &total}) {
      ++counts->tests;
      counts->failures += result->outcome == Outcome::failed;
      counts->errors += result->outcome == Outcome::crashed || result->outcome == Outcome::timeout;
      counts->skipped += result->outcome == Outcome::skipped;
      counts->time += result->stop - result->start;
    }
    suite.body += testcase_xml(test_case, *result, manifest_.targets[test_case.target].name);
  }
  auto counts = [](const SuiteCounts& c) {
    return "tests=\"" + std::to_string(c.tests) + "\" failures=\"" + std::to_string(c.failures) +
           "\" errors=\"" + std::to_string(c.errors) + "\" skipped=\"" + std::to_string(c.skipped) + "\"";
  };
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"ptest\" " +
                    counts(total) + " time=\"" + seconds(duration_) + "\">\n";
  for (const auto& [target, suite] : suites)
    xml += "  <testsuite name=\"" + xml_escape(manifest_.targets[target].name) + "\" " + counts(suite) +
           " time=\"" + seconds(suite.time) + "\">\n" + suite.body + "  </testsuite>\n";
  return xml + "</testsuites>\n";
}

}  // namespace ptest
