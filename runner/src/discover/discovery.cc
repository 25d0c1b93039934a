#include "discover/discovery.h"

#include <algorithm>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "util/atomic_file.h"
#include "util/glob.h"

namespace ptest {

namespace {

using nlohmann::json;

bool any_match(const std::vector<std::string>& patterns, const std::string& name) {
  return std::any_of(patterns.begin(), patterns.end(),
                     [&](const std::string& pattern) { return glob_match(pattern, name); });
}

template <class Rule>
std::vector<Rule> read_rules(const json& spec, const char* key, const char* name_key) {
  std::vector<Rule> rules;
  for (const json& entry : spec.value(key, json::array()))
    rules.push_back(Rule{entry.at(name_key).get<std::string>(),
                         entry.at("patterns").get<std::vector<std::string>>()});
  return rules;
}

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// "Gen/Area" names the suite "Area"; so do "Area/0" (typed) and "Gen/Area/0".
bool suite_matches(const std::string& written, const std::string& listed) {
  if (listed == written) return true;
  const std::string middle = "/" + written + "/";
  return ("/" + listed + "/").find(middle) != std::string::npos;
}

}  // namespace

std::vector<SourceMark> parse_source_marks(const std::string& text) {
  std::vector<SourceMark> marks;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(start, end - start);
    start = end + 1;
    std::vector<std::string> fields;
    for (std::size_t from = 0;;) {
      const auto tab = line.find('\t', from);
      fields.push_back(line.substr(from, tab == std::string::npos ? std::string::npos : tab - from));
      if (tab == std::string::npos) break;
      from = tab + 1;
    }
    if (fields.size() != 4) continue;
    SourceMark mark;
    const auto dot = fields[0].find('.');
    if (dot == std::string::npos) continue;
    mark.suite = trimmed(fields[0].substr(0, dot));
    mark.test = trimmed(fields[0].substr(dot + 1));
    for (std::size_t from = 0;;) {
      const auto comma = fields[1].find(',', from);
      const std::string marker = trimmed(fields[1].substr(from, comma == std::string::npos ? std::string::npos : comma - from));
      if (!marker.empty()) mark.markers.push_back(marker);
      if (comma == std::string::npos) break;
      from = comma + 1;
    }
    mark.file = fields[2];
    mark.line = std::atoi(fields[3].c_str());
    marks.push_back(std::move(mark));
  }
  return marks;
}

bool source_mark_applies(const SourceMark& mark, const std::string& name) {
  const auto dot = name.find('.');
  if (dot == std::string::npos) return false;
  const std::string suite = name.substr(0, dot), test = name.substr(dot + 1);
  const bool test_matches = test == mark.test || test.rfind(mark.test + "/", 0) == 0;
  return test_matches && suite_matches(mark.suite, suite);
}

DiscoverySpec read_discovery_spec(const std::string& path) {
  DiscoverySpec spec;
  try {
    const json document = json::parse(read_file(path));
    Target& target = spec.target;
    target.name = document.at("target").get<std::string>();
    target.executable = document.at("executable").get<std::string>();
    target.arguments = document.value("arguments", std::vector<std::string>{});
    target.working_directory = document.value("working_directory", "");
    for (const std::string& entry : document.value("environment", std::vector<std::string>{})) {
      const auto equals = entry.find('=');
      if (equals == std::string::npos)
        throw SpecError("discovery spec '" + path + "': ENVIRONMENT entry '" + entry + "' is not NAME=VALUE");
      target.environment.emplace_back(entry.substr(0, equals), entry.substr(equals + 1));
    }
    spec.markers = document.value("markers", std::vector<std::string>{});
    target.fixtures = document.value("fixtures", std::vector<std::string>{});
    spec.marks = read_rules<MarkRule>(document, "mark", "marker");
    spec.groups = read_rules<GroupRule>(document, "groups", "name");
    spec.timeout = document.value("timeout", 0.0);
    spec.marker_timeouts = document.value("marker_timeouts", std::map<std::string, double>{});
    spec.marker_reruns = document.value("marker_reruns", std::map<std::string, int>{});
    spec.marker_slow = document.value("marker_slow", std::map<std::string, double>{});
    spec.discovery_timeout = document.value("discovery_timeout", 5.0);
    spec.ctest_runs_runner = document.value("ctest_mode", std::string("CASES")) == "RUNNER";
    spec.strict = document.value("strict", false);
    const std::string framework = document.value("framework", std::string("auto"));
    spec.detect_framework = framework == "auto";
    if (!spec.detect_framework) {
      const auto declared = parse_framework(framework);
      if (!declared) throw SpecError("discovery spec '" + path + "': unknown framework '" + framework + "'");
      target.framework = *declared;
    }
    target.launcher = document.value("launcher", std::vector<std::string>{});
    target.skip_return_code = document.value("skip_return_code", 0);
    spec.fragment_path = document.at("fragment").get<std::string>();
    spec.ctest_path = document.at("ctest_file").get<std::string>();
    spec.index_path = document.at("index").get<std::string>();
    spec.manifest_path = document.at("manifest").get<std::string>();
  } catch (const json::exception& error) {
    throw SpecError("discovery spec '" + path + "': " + error.what());
  } catch (const FileError& error) {
    throw SpecError(std::string("discovery spec ") + error.what());
  }
  return spec;
}

Manifest build_fragment(const DiscoverySpec& spec, const std::vector<ListedCase>& listed,
                        const std::vector<SourceMark>& source_marks) {
  Manifest fragment;
  fragment.targets.push_back(spec.target);
  fragment.cases.reserve(listed.size());
  for (const ListedCase& found : listed) {
    TestCase test_case;
    test_case.id = spec.target.name + "::" + found.name;
    test_case.name = found.name;
    test_case.suite = found.suite;
    test_case.file = found.file;
    test_case.line = found.line;
    test_case.disabled = found.disabled;
    test_case.timeout = spec.timeout;
    test_case.markers = spec.markers;
    test_case.markers.insert(test_case.markers.end(), found.markers.begin(), found.markers.end());
    for (const MarkRule& rule : spec.marks)
      if (any_match(rule.patterns, found.name)) test_case.markers.push_back(rule.marker);
    for (const SourceMark& mark : source_marks)
      if (source_mark_applies(mark, found.name))
        test_case.markers.insert(test_case.markers.end(), mark.markers.begin(), mark.markers.end());
    normalise_markers(test_case.markers);
    // A marker's default timeout replaces the target's; the largest of several wins.
    double marker_timeout = 0;
    for (const std::string& marker : test_case.markers)
      if (auto it = spec.marker_timeouts.find(marker); it != spec.marker_timeouts.end())
        marker_timeout = std::max(marker_timeout, it->second);
    if (marker_timeout > 0) test_case.timeout = marker_timeout;
    for (const std::string& marker : test_case.markers)  // the most reruns of its markers'
      if (auto it = spec.marker_reruns.find(marker); it != spec.marker_reruns.end())
        test_case.reruns = std::max(test_case.reruns, it->second);
    for (const std::string& marker : test_case.markers)  // the longest slow period of its markers'
      if (auto it = spec.marker_slow.find(marker); it != spec.marker_slow.end())
        test_case.slow = std::max(test_case.slow, it->second);
    for (const GroupRule& rule : spec.groups)
      if (any_match(rule.patterns, found.name)) {
        test_case.group = rule.name;
        break;
      }
    fragment.cases.push_back(std::move(test_case));
  }
  return fragment;
}

Manifest build_plain_fragment(const DiscoverySpec& spec) {
  ListedCase whole;
  whole.suite = whole.name = spec.target.name;
  Manifest fragment = build_fragment(spec, {whole});
  fragment.targets.front().framework = Framework::plain;
  return fragment;
}

}  // namespace ptest
