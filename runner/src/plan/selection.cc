#include "plan/selection.h"

#include <algorithm>
#include <cctype>

#include "util/glob.h"

namespace ptest {

namespace {

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::optional<Expression> parse_flag(const char* flag, const std::string& text) {
  if (text.find_first_not_of(" \t") == std::string::npos) return std::nullopt;
  try {
    return Expression::parse(text);
  } catch (const ExpressionError& error) {
    throw ExpressionError(std::string(flag) + " expression '" + text + "': " + error.what(),
                          error.column());
  }
}

}  // namespace

Selection::Selection(const SelectionOptions& options)
    : markers_(parse_flag("-m", options.marker_expression)),
      keywords_(parse_flag("-k", options.keyword_expression)),
      id_patterns_(options.id_patterns) {}

bool Selection::matches(const TestCase& test_case) const {
  if (!id_patterns_.empty() &&
      std::none_of(id_patterns_.begin(), id_patterns_.end(),
                   [&](const std::string& pattern) { return glob_match(pattern, test_case.id); }))
    return false;
  if (keywords_) {
    // pytest's -k: a case-insensitive substring of the case's id.
    const std::string id = lowercase(test_case.id);
    if (!keywords_->evaluate(
            [&](const std::string& word) { return id.find(lowercase(word)) != std::string::npos; }))
      return false;
  }
  if (markers_) {
    const auto& markers = test_case.markers;
    if (!markers_->evaluate([&](const std::string& marker) {
          return std::binary_search(markers.begin(), markers.end(), marker);
        }))
      return false;
  }
  return true;
}

std::vector<std::string> Selection::marker_names() const {
  return markers_ ? markers_->names() : std::vector<std::string>{};
}

std::vector<std::size_t> Selection::apply(const Manifest& manifest) const {
  std::vector<std::size_t> selected;
  for (std::size_t i = 0; i < manifest.cases.size(); ++i)
    if (matches(manifest.cases[i])) selected.push_back(i);
  return selected;
}

}  // namespace ptest
