#include "execution/gtest_output_parser.h"

#include <cstdlib>

namespace ptest {

namespace {

constexpr std::size_t kLongestLine = 64 * 1024;
constexpr std::string_view kRunTag = "[ RUN      ] ";

struct EndTag {
  std::string_view text;
  Outcome outcome;
};
constexpr EndTag kEndTags[] = {
    {"[       OK ] ", Outcome::passed},
    {"[  FAILED  ] ", Outcome::failed},
    {"[  SKIPPED ] ", Outcome::skipped},
};

// "(12 ms)" at the end of a result line, in seconds; -1 if absent.
double reported_seconds(std::string_view rest) {
  const auto open = rest.rfind('(');
  if (open == std::string_view::npos || rest.find(" ms)", open) == std::string_view::npos) return -1;
  return std::strtod(std::string(rest.substr(open + 1)).c_str(), nullptr) / 1000.0;
}

}  // namespace

void GtestOutputParser::feed(std::string_view chunk, Listener& listener) {
  while (!chunk.empty()) {
    const auto newline = chunk.find('\n');
    if (newline == std::string_view::npos) {
      partial_line_.append(chunk);
      // A case that prints megabytes without a newline must not grow this
      // without bound: past the limit the pending text is plain output.
      if (partial_line_.size() > kLongestLine) {
        (running_ ? case_output_ : stray_output_).append(partial_line_);
        partial_line_.clear();
      }
      return;
    }
    if (partial_line_.empty()) {
      handle_line(chunk.substr(0, newline + 1), listener);
    } else {
      partial_line_.append(chunk.substr(0, newline + 1));
      handle_line(partial_line_, listener);
      partial_line_.clear();
    }
    chunk.remove_prefix(newline + 1);
  }
}

// A tag may follow output that did not end in a newline ("abc[       OK ] A.B"),
// so tags are searched anywhere in the line; what precedes one is output.
void GtestOutputParser::handle_line(std::string_view line, Listener& listener) {
  if (line.find('[') != std::string_view::npos) {
    if (!running_) {
      if (const auto at = line.find(kRunTag); at != std::string_view::npos) {
        stray_output_.append(line.substr(0, at));
        std::string_view name = line.substr(at + kRunTag.size());
        while (!name.empty() && (name.back() == '\n' || name.back() == '\r')) name.remove_suffix(1);
        running_ = std::string(name);
        case_output_.clear();
        listener.case_started(*running_);
        return;
      }
    } else {
      for (const EndTag& tag : kEndTags) {
        const auto at = line.find(tag.text);
        if (at == std::string_view::npos) continue;
        std::string_view rest = line.substr(at + tag.text.size());
        // "Name (0 ms)" or, for parameterized cases, "Name, where GetParam() = ... (0 ms)".
        if (rest.substr(0, running_->size()) != *running_) continue;
        const char after = rest.size() > running_->size() ? rest[running_->size()] : '\n';
        if (after != ' ' && after != ',' && after != '\n' && after != '\r') continue;
        case_output_.append(line.substr(0, at));
        std::string name = std::move(*running_);
        running_.reset();
        listener.case_finished(name, tag.outcome, reported_seconds(rest), case_output_.str());
        case_output_.clear();
        return;
      }
    }
  }
  (running_ ? case_output_ : stray_output_).append(line);
}

std::string GtestOutputParser::running_output() const {
  std::string output = case_output_.str();
  return output + partial_line_;
}

std::string GtestOutputParser::stray_output() const {
  return running_ ? stray_output_.str() : stray_output_.str() + partial_line_;
}

}  // namespace ptest
