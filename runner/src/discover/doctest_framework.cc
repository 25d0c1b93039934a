#include "discover/doctest_framework.h"

#include <cstdlib>
#include <unordered_map>

#include "util/glob.h"
#include "util/xml_attributes.h"

namespace ptest {

std::vector<std::vector<std::string>> DoctestFramework::listing_arguments(const std::string&) const {
  return {{"--list-test-cases", "--reporters=xml", "--no-skip=true"}};
}

std::vector<ListedCase> DoctestFramework::parse_listing(const std::vector<ListingOutput>& outputs) const {
  if (outputs.size() != 1) throw ListingError("takes one run");
  const std::string& text = outputs.front().output;
  if (text.find("<doctest ") == std::string::npos) throw ListingError("has no <doctest> element");
  std::vector<ListedCase> cases;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string_view line(text.data() + start, end - start);
    start = end + 1;
    if (xml_tag_name(line) != "TestCase") continue;
    ListedCase listed;
    const auto name = xml_attribute(line, "name");
    if (!name || name->empty()) throw ListingError("has a <TestCase> without a name: " + std::string(line));
    listed.name = *name;
    listed.suite = xml_attribute(line, "testsuite").value_or("");
    listed.file = xml_attribute(line, "filename").value_or("");
    listed.line = std::atoi(xml_attribute(line, "line").value_or("0").c_str());
    listed.disabled = xml_attribute(line, "skipped").value_or("false") == "true";
    cases.push_back(std::move(listed));
  }
  if (text.find("</doctest>") == std::string::npos) throw ListingError("ends before </doctest>");
  return cases;
}

std::vector<std::string> DoctestFramework::filter_arguments(const std::vector<std::string>& names) const {
  std::string filter = "--test-case=";
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) filter += ',';
    for (const char c : names[i]) {
      if (c == ',' || c == '\\') filter += '\\';
      filter += c;
    }
  }
  return {std::move(filter), "--case-sensitive=true"};
}

std::string DoctestFramework::filter_problem(const std::vector<ListedCase>& listed) const {
  std::unordered_map<std::string, const ListedCase*> by_name;
  for (const ListedCase& listed_case : listed) {
    const auto [it, added] = by_name.emplace(listed_case.name, &listed_case);
    if (!added)
      return "case '" + listed_case.name + "': the name is also a case of TEST_SUITE '" + it->second->suite +
             "', and --test-case cannot tell them apart";
  }
  // doctest reads '*' and '?' as wildcards: such a name must match no other case.
  for (const ListedCase& pattern : listed) {
    if (pattern.name.find_first_of("*?") == std::string::npos) continue;
    for (const ListedCase& other : listed)
      if (&other != &pattern && glob_match(pattern.name, other.name))
        return "case '" + pattern.name + "': as a --test-case filter its '*' or '?' also chooses '" + other.name +
               "'";
  }
  return {};
}

}  // namespace ptest
