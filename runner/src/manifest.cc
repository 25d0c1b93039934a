#include "manifest.h"

#include "atomic_file.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

namespace ptest {

namespace {

using nlohmann::json;

// Reads fields of one JSON object and names the object's JSON pointer in
// every complaint, so a hand-edited manifest says where it went wrong.
class Reader {
 public:
  Reader(const json& object, std::string pointer, const std::string& source)
      : object_(object), pointer_(std::move(pointer)), source_(source) {
    if (!object_.is_object()) fail(pointer_, "expected an object");
  }

  [[noreturn]] void fail(const std::string& pointer, const std::string& why) const {
    throw ManifestError("manifest '" + source_ + "': " + (pointer.empty() ? "/" : pointer) +
                        ": " + why);
  }

  const json& required(const char* key) const {
    auto it = object_.find(key);
    if (it == object_.end()) fail(pointer_ + "/" + key, "missing");
    return *it;
  }

  std::string string(const char* key, bool optional = false) const {
    auto it = object_.find(key);
    if (it == object_.end() || it->is_null()) {
      if (optional) return {};
      fail(pointer_ + "/" + key, "missing");
    }
    if (!it->is_string()) fail(pointer_ + "/" + key, "expected a string");
    return it->get<std::string>();
  }

  double number(const char* key, double fallback) const {
    auto it = object_.find(key);
    if (it == object_.end()) return fallback;
    if (!it->is_number() || it->get<double>() < 0)
      fail(pointer_ + "/" + key, "expected a number >= 0");
    return it->get<double>();
  }

  bool boolean(const char* key) const {
    auto it = object_.find(key);
    if (it == object_.end()) return false;
    if (!it->is_boolean()) fail(pointer_ + "/" + key, "expected true or false");
    return it->get<bool>();
  }

  std::vector<std::string> strings(const char* key) const {
    std::vector<std::string> values;
    auto it = object_.find(key);
    if (it == object_.end()) return values;
    if (!it->is_array()) fail(pointer_ + "/" + key, "expected an array of strings");
    for (const json& value : *it) {
      if (!value.is_string()) fail(pointer_ + "/" + key, "expected an array of strings");
      values.push_back(value.get<std::string>());
    }
    return values;
  }

  std::vector<std::pair<std::string, std::string>> string_map(const char* key) const {
    std::vector<std::pair<std::string, std::string>> values;
    auto it = object_.find(key);
    if (it == object_.end()) return values;
    if (!it->is_object()) fail(pointer_ + "/" + key, "expected an object of strings");
    for (const auto& [name, value] : it->items()) {
      if (!value.is_string()) fail(pointer_ + "/" + key + "/" + name, "expected a string");
      values.emplace_back(name, value.get<std::string>());
    }
    return values;
  }

  const std::string& pointer() const { return pointer_; }

 private:
  const json& object_;
  std::string pointer_;
  const std::string& source_;
};

Target read_target(const json& value, const std::string& pointer, const std::string& source) {
  Reader reader(value, pointer, source);
  Target target;
  target.name = reader.string("name");
  target.executable = reader.string("executable");
  target.arguments = reader.strings("arguments");
  target.working_directory = reader.string("working_directory", true);
  target.environment = reader.string_map("environment");
  return target;
}

TestCase read_case(const json& value, const std::string& pointer, const std::string& source,
                   const std::map<std::string, std::size_t>& targets) {
  Reader reader(value, pointer, source);
  TestCase test_case;
  test_case.id = reader.string("id");
  test_case.name = reader.string("name");
  test_case.suite = reader.string("suite");
  test_case.file = reader.string("file", true);
  test_case.line = static_cast<int>(reader.number("line", 0));
  test_case.markers = reader.strings("markers");
  std::sort(test_case.markers.begin(), test_case.markers.end());
  test_case.markers.erase(std::unique(test_case.markers.begin(), test_case.markers.end()),
                          test_case.markers.end());
  test_case.group = reader.string("group", true);
  test_case.timeout = reader.number("timeout", 0);
  test_case.disabled = reader.boolean("disabled");
  const std::string target = reader.string("target");
  auto it = targets.find(target);
  if (it == targets.end()) reader.fail(pointer + "/target", "no target named '" + target + "'");
  test_case.target = it->second;
  return test_case;
}

}  // namespace

Manifest parse_manifest(const std::string& text, const std::string& source) {
  json document;
  try {
    document = json::parse(text);
  } catch (const json::parse_error& error) {
    // nlohmann's message carries the line and column; drop its "[json.exception...]" prefix.
    std::string why = error.what();
    if (auto colon = why.find("] "); colon != std::string::npos) why = why.substr(colon + 2);
    throw ManifestError("manifest '" + source + "': not valid JSON: " + why);
  }
  Reader top(document, "", source);
  const json& version = top.required("schema_version");
  if (!version.is_number_integer() || version.get<int>() != kManifestSchemaVersion)
    throw ManifestError("manifest '" + source + "': schema_version " + version.dump() +
                        " is not supported (this ptest reads " +
                        std::to_string(kManifestSchemaVersion) +
                        "); rebuild the project to regenerate it");

  Manifest manifest;
  std::map<std::string, std::size_t> target_index;
  const json& targets = top.required("targets");
  if (!targets.is_array()) top.fail("/targets", "expected an array");
  for (std::size_t i = 0; i < targets.size(); ++i) {
    manifest.targets.push_back(read_target(targets[i], "/targets/" + std::to_string(i), source));
    if (!target_index.emplace(manifest.targets.back().name, i).second)
      top.fail("/targets/" + std::to_string(i) + "/name",
               "target '" + manifest.targets.back().name + "' appears twice");
  }
  const json& cases = top.required("cases");
  if (!cases.is_array()) top.fail("/cases", "expected an array");
  manifest.cases.reserve(cases.size());
  for (std::size_t i = 0; i < cases.size(); ++i)
    manifest.cases.push_back(read_case(cases[i], "/cases/" + std::to_string(i), source, target_index));
  return manifest;
}

Manifest read_manifest(const std::string& path) {
  std::string text;
  try {
    text = read_file(path);
  } catch (const FileError& error) {
    throw ManifestError("manifest '" + path + "': cannot be read: " + error.reason());
  }
  return parse_manifest(text, path);
}

std::string manifest_to_json(const Manifest& manifest) {
  json targets = json::array();
  for (const Target& target : manifest.targets) {
    json environment = json::object();
    for (const auto& [name, value] : target.environment) environment[name] = value;
    targets.push_back({{"name", target.name},
                       {"executable", target.executable},
                       {"arguments", target.arguments},
                       {"working_directory", target.working_directory},
                       {"environment", environment}});
  }
  json cases = json::array();
  for (const TestCase& test_case : manifest.cases) {
    cases.push_back({{"id", test_case.id},
                     {"target", manifest.targets.at(test_case.target).name},
                     {"name", test_case.name},
                     {"suite", test_case.suite},
                     {"file", test_case.file},
                     {"line", test_case.line},
                     {"markers", test_case.markers},
                     {"group", test_case.group.empty() ? json(nullptr) : json(test_case.group)},
                     {"timeout", test_case.timeout},
                     {"disabled", test_case.disabled}});
  }
  json document = {{"schema_version", kManifestSchemaVersion}, {"targets", targets}, {"cases", cases}};
  return document.dump(1) + "\n";
}

}  // namespace ptest
