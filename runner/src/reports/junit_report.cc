#include "reports/junit_report.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
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
  double first_start = 1e300;  // seconds since the run began: the suite's timestamp
  std::string body;
};

// GitLab and Jenkins show the message in their list of failures: the
// runner's reason, else GoogleTest's first "file:line: Failure" line and the
// one after it, which says what was expected.
std::string failure_message(const CaseResult& result) {
  if (!result.message.empty()) return result.message;
  const std::string& output = result.output;
  const std::size_t failure = output.find(": Failure\n");
  if (failure == std::string::npos) return outcome_name(result.outcome);
  const std::size_t line_start = output.rfind('\n', failure);
  const std::size_t begin = line_start == std::string::npos ? 0 : line_start + 1;
  const std::size_t next = failure + std::string(": Failure\n").size();
  const std::size_t next_end = output.find('\n', next);
  std::string message = output.substr(begin, failure + 9 - begin);
  const std::string detail = output.substr(next, next_end == std::string::npos ? std::string::npos : next_end - next);
  return detail.empty() ? message : message + ": " + detail;
}

// The case's name within its suite: "Adds" of GoogleTest's "Cart.Adds";
// a Catch2 or doctest name, or a plain test's, whole.
std::string name_in_suite(const TestCase& test_case) {
  const std::string& suite = test_case.suite;
  const std::string& name = test_case.name;
  if (name.size() > suite.size() && name.compare(0, suite.size(), suite) == 0 && name[suite.size()] == '.')
    return name.substr(suite.size() + 1);
  return name;
}

std::string testcase_attributes(const TestCase& test_case, const CaseResult& result) {
  std::string xml = "classname=\"" + xml_escape(test_case.suite) + "\" name=\"" +
                    xml_escape(name_in_suite(test_case)) + "\"";
  if (!test_case.file.empty())
    xml += " file=\"" + xml_escape(test_case.file) + "\" line=\"" + std::to_string(test_case.line) + "\"";
  return xml + " time=\"" + seconds(result.stop - result.start) + "\"";
}

// The element that tells the outcome, if it is not a pass; the output goes
// inside it, where CI servers show it next to the message.
std::string outcome_element(const CaseResult& result) {
  const std::string message = xml_escape(failure_message(result));
  switch (result.outcome) {
    case Outcome::passed:
    case Outcome::flaky:  // its failed attempts follow (attempt_elements)
      return {};
    case Outcome::skipped:
      return "      <skipped message=\"" + message + "\"/>\n";
    case Outcome::failed:
      return "      <failure type=\"failed\" message=\"" + message + "\">" + xml_escape(result.output) +
             "</failure>\n";
    case Outcome::crashed:
    case Outcome::timeout:
      return "      <error type=\"" + std::string(outcome_name(result.outcome)) + "\" message=\"" + message +
             "\">" + xml_escape(result.output) + "</error>\n";
  }
  return {};
}

// The earlier attempts of a case that ran again (--reruns), as Maven
// Surefire writes them: `flaky*` when it passed in the end, `rerun*` when it
// failed every time; `*Failure` for a failed attempt, `*Error` for a crash
// or timeout.
std::string attempt_elements(const CaseResult& result) {
  const std::string prefix = result.outcome == Outcome::flaky ? "flaky" : "rerun";
  std::string xml;
  for (const CaseResult& attempt : result.earlier_attempts) {
    const std::string element = prefix + (attempt.outcome == Outcome::failed ? "Failure" : "Error");
    xml += "      <" + element + " message=\"" + xml_escape(failure_message(attempt)) + "\" type=\"" +
           outcome_name(attempt.outcome) + "\">\n        <stackTrace>" + xml_escape(attempt.output) +
           "</stackTrace>\n      </" + element + ">\n";
  }
  return xml;
}

// The processes the case leaked, as `LEAK pid N (command)` lines in a
// <system-err> of its <testcase>, whatever its outcome.
std::string leak_element(const CaseResult& result) {
  if (result.leaks.empty()) return "";
  std::string lines;
  for (const LeakedProcess& leak : result.leaks)
    lines += "LEAK pid " + std::to_string(leak.pid) + " (" + xml_escape(leak.command_line) + ")\n";
  return "      <system-err>" + lines + "</system-err>\n";
}

// A <testcase>: its attributes, then its child elements in the order
// JUnit's schema wants them (the outcome, then what else is said of it).
std::string testcase_xml(const TestCase& test_case, const CaseResult& result) {
  const std::string head = "    <testcase " + testcase_attributes(test_case, result);
  const std::string children = outcome_element(result) + attempt_elements(result) + leak_element(result);
  if (children.empty()) return head + "/>\n";
  return head + ">\n" + children + "    </testcase>\n";
}

// ISO 8601 in UTC, as JUnit's timestamp attribute takes it.
std::string iso_timestamp(double epoch_seconds) {
  const std::time_t whole = static_cast<std::time_t>(epoch_seconds);
  std::tm utc{};
  ::gmtime_r(&whole, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
  return text;
}

}  // namespace

void JunitReport::run_started(const RunStart&) {
  if (started_epoch_ < 0) started_epoch_ = static_cast<double>(std::time(nullptr));
  if (hostname_.empty()) {
    char name[256] = {};
    if (::gethostname(name, sizeof name - 1) == 0) hostname_ = name;
  }
}

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
      counts->first_start = std::min(counts->first_start, result->start);
    }
    suite.body += testcase_xml(test_case, *result);
  }
  auto counts = [](const SuiteCounts& c) {
    return "tests=\"" + std::to_string(c.tests) + "\" failures=\"" + std::to_string(c.failures) +
           "\" errors=\"" + std::to_string(c.errors) + "\" skipped=\"" + std::to_string(c.skipped) + "\"";
  };
  const double epoch = started_epoch_ < 0 ? 0 : started_epoch_;
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"ptest\" " +
                    counts(total) + " time=\"" + seconds(duration_) + "\" timestamp=\"" + iso_timestamp(epoch) +
                    "\">\n";
  std::size_t id = 0;
  for (const auto& [target, suite] : suites)
    xml += "  <testsuite name=\"" + xml_escape(manifest_.targets[target].name) + "\" " + counts(suite) +
           " time=\"" + seconds(suite.time) + "\" timestamp=\"" + iso_timestamp(epoch + suite.first_start) +
           "\" hostname=\"" + xml_escape(hostname_) + "\" id=\"" + std::to_string(id++) + "\">\n" + suite.body +
           "  </testsuite>\n";
  return xml + "</testsuites>\n";
}

}  // namespace ptest
