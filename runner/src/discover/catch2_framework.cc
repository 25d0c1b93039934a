#include "discover/catch2_framework.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <unordered_map>

namespace ptest {

namespace {

constexpr const char* kEverything = "*,[.]";  // all cases, hidden ones too

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
    start = end + 1;
  }
  return lines;
}

std::size_t indent_of(const std::string& line) {
  const auto first = line.find_first_not_of(' ');
  return first == std::string::npos ? line.size() : first;
}

std::size_t non_blank_count(const std::string& text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](unsigned char c) { return !std::isspace(c); }));
}

std::string lowered(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// "[math][.slow][!mayfail]" -> the case's markers, and whether it is hidden.
void read_tags(const std::string& tags, ListedCase& listed) {
  std::size_t at = 0;
  while ((at = tags.find('[', at)) != std::string::npos) {
    const auto close = tags.find(']', at);
    if (close == std::string::npos) break;
    std::string tag = tags.substr(at + 1, close - at - 1);
    at = close + 1;
    if (tag == "." || tag == "!hide") {
      listed.disabled = true;
      continue;
    }
    if (tag.empty() || tag[0] == '!' || tag[0] == '#') continue;  // Catch2's own
    if (tag[0] == '.') {
      listed.disabled = true;
      tag.erase(0, 1);
    }
    listed.markers.push_back(tag);
  }
}

// One block of the `-v high` listing, starting at lines[at] (indented by
// two): the name's lines, the location's, the description's, the tags'.
void read_block(const std::vector<std::string>& lines, std::size_t& at, ListedCase& listed) {
  // The name may wrap; its lines hold as many non-blank characters as the
  // exact name from --list-test-names-only.
  const std::size_t name_chars = non_blank_count(listed.name);
  std::size_t seen = non_blank_count(lines[at++]);
  while (seen < name_chars && at < lines.size() && indent_of(lines[at]) == 4) seen += non_blank_count(lines[at++]);
  // The location wraps after a '/': its lines run until one ends in ":<line>".
  std::string location;
  while (at < lines.size() && indent_of(lines[at]) == 4) {
    location += lines[at++].substr(4);
    const auto colon = location.rfind(':');
    if (colon != std::string::npos && colon + 1 < location.size() &&
        std::all_of(location.begin() + static_cast<long>(colon) + 1, location.end(),
                    [](unsigned char c) { return std::isdigit(c); })) {
      listed.file = location.substr(0, colon);
      listed.line = std::atoi(location.c_str() + colon + 1);
      break;
    }
  }
  if (listed.file.empty()) throw ListingError("gives no file and line for case '" + listed.name + "'");
  std::string tags;
  for (; at < lines.size() && indent_of(lines[at]) >= 4; ++at)
    if (indent_of(lines[at]) == 6 && lines[at][6] == '[') tags += lines[at].substr(6);
  read_tags(tags, listed);
}

}  // namespace

std::vector<std::vector<std::string>> Catch2Framework::listing_arguments(const std::string&) const {
  return {{"--list-test-names-only", kEverything}, {"--list-tests", "-v", "high", kEverything}};
}

std::vector<ListedCase> Catch2Framework::parse_listing(const std::vector<ListingOutput>& outputs) const {
  if (outputs.size() != 2) throw ListingError("takes two runs");
  std::vector<ListedCase> cases;
  for (const std::string& name : lines_of(outputs[0].output))
    if (!name.empty()) {
      ListedCase listed;
      listed.name = name;
      cases.push_back(std::move(listed));
    }
  const std::vector<std::string> lines = lines_of(outputs[1].output);
  std::size_t at = 0;
  while (at < lines.size() && lines[at] != "Matching test cases:" && lines[at] != "All available test cases:") ++at;
  if (at == lines.size()) throw ListingError("has no 'Matching test cases:' line");
  ++at;
  for (ListedCase& listed : cases) {
    if (at >= lines.size() || indent_of(lines[at]) != 2)
      throw ListingError("with --list-tests has fewer cases than with --list-test-names-only");
    read_block(lines, at, listed);
    const auto slash = listed.file.find_last_of("/\\");
    listed.suite = slash == std::string::npos ? listed.file : listed.file.substr(slash + 1);
  }
  if (at < lines.size() && indent_of(lines[at]) == 2)
    throw ListingError("with --list-tests has more cases than with --list-test-names-only");
  return cases;
}

std::string catch2_spec_term(const std::string& name) {
  std::string term;
  for (const char c : name) {
    if (c == '\\' || c == ',' || c == '[' || c == ']' || c == '"' || c == '~') term += '\\';
    term += c;
  }
  return term;
}

std::vector<std::string> Catch2Framework::filter_arguments(const std::vector<std::string>& names) const {
  std::string spec;
  for (const std::string& name : names) {
    if (!spec.empty()) spec += ',';
    spec += catch2_spec_term(name);
  }
  return {std::move(spec)};
}

std::string Catch2Framework::filter_problem(const std::vector<ListedCase>& listed) const {
  std::unordered_map<std::string, const std::string*> by_folded_name;
  for (const ListedCase& listed_case : listed) {
    const std::string& name = listed_case.name;
    const std::string about = "case '" + name + "': ";
    // Catch2 reads a leading or trailing '*' as a wildcard, even escaped,
    // and "exclude:" as a negation.
    if (name.front() == '*' || name.back() == '*') return about + "a name that starts or ends with '*' is a wildcard";
    if (name.rfind("exclude:", 0) == 0) return about + "a name that starts with 'exclude:' excludes";
    if (name.size() > 1 && catch2_spec_term(name.substr(0, 1)).size() == 2 && name[1] == ' ')
      return about + "Catch2's spec parser drops the blank after an escaped first character";
    // Catch2 compares names without regard to case.
    const auto [it, added] = by_folded_name.emplace(lowered(name), &name);
    if (!added)
      return about + "Catch2 matches names regardless of case, and '" + *it->second + "' is a case too";
  }
  return {};
}

}  // namespace ptest
