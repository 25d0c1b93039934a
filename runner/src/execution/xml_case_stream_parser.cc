#include "execution/xml_case_stream_parser.h"

#include "util/xml_attributes.h"

namespace ptest {

namespace {

constexpr std::size_t kLongestLine = 64 * 1024;

std::string_view without_newline(std::string_view line) {
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  return line;
}

bool ends_tag(std::string_view line) {
  line = without_newline(line);
  return !line.empty() && line.back() == '>';
}

// Where the reporter's element starts in `line`: at its start, or after
// what a case printed without a newline ("done<OverallResult .../>"). The
// reporters write one element a line and escape '<' in attributes, so the
// element is the line's last '<' that opens a tag; any before it is output
// ("vector<int>").
std::size_t element_start(std::string_view line) {
  if (!xml_tag_name(line).empty()) return 0;
  for (auto open = line.rfind('<'); open != std::string_view::npos; open = line.rfind('<', open - 1)) {
    if (!xml_tag_name(line.substr(open)).empty()) return open;
    if (open == 0) break;
  }
  return std::string_view::npos;
}

}  // namespace

void XmlCaseStreamParser::feed(std::string_view chunk, Listener& listener) {
  while (!chunk.empty()) {
    const auto newline = chunk.find('\n');
    if (newline == std::string_view::npos) {
      partial_line_.append(chunk);
      if (!running_ && !partial_started_case_ && ends_tag(partial_line_))
        partial_started_case_ = start_case(partial_line_, listener);
      // A case that prints megabytes without a newline must not grow this
      // without bound: past the limit the pending text is plain output.
      if (partial_line_.size() > kLongestLine && !partial_started_case_) {
        (running_ ? case_output_ : stray_output_).append(partial_line_);
        partial_line_.clear();
      }
      return;
    }
    partial_line_.append(chunk.substr(0, newline + 1));
    if (!partial_started_case_) handle_line(partial_line_, listener);
    partial_line_.clear();
    partial_started_case_ = false;
    chunk.remove_prefix(newline + 1);
  }
}

bool XmlCaseStreamParser::start_case(std::string_view line, Listener& listener) {
  if (xml_tag_name(line) != "TestCase") return false;
  // doctest writes <TestCase ... skipped="true"/> for each case the filter left out.
  const std::string_view tag = without_newline(line);
  if (tag.size() >= 2 && tag.substr(tag.size() - 2) == "/>") return false;
  const auto name = xml_attribute(line, "name");
  if (!name) return false;
  running_ = *name;
  verdict_ = Verdict{};
  case_output_.clear();
  listener.case_started(*running_);
  return true;
}

void XmlCaseStreamParser::handle_line(std::string_view line, Listener& listener) {
  const std::size_t start = element_start(line);
  if (start == std::string_view::npos) {
    (running_ ? case_output_ : stray_output_).append(line);
    return;
  }
  (running_ ? case_output_ : stray_output_).append(line.substr(0, start));
  line.remove_prefix(start);
  if (!running_) {
    if (!start_case(line, listener)) stray_output_.append(line);
    return;
  }
  const std::string_view tag = xml_tag_name(line);
  if (tag == "/TestCase") {
    const Outcome outcome = verdict_.crashed ? Outcome::crashed : verdict_.outcome.value_or(Outcome::failed);
    std::string name = std::move(*running_);
    running_.reset();
    listener.case_finished(name, outcome, verdict_.seconds, case_output_.str());
    case_output_.clear();
    return;
  }
  if (!tag.empty()) read_element(tag, line, verdict_);
  case_output_.append(line);
}

std::string XmlCaseStreamParser::running_output() const {
  return partial_started_case_ ? case_output_.str() : case_output_.str() + partial_line_;
}

std::string XmlCaseStreamParser::stray_output() const {
  return running_ ? stray_output_.str() : stray_output_.str() + partial_line_;
}

}  // namespace ptest
