#include "formats/manifest.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "util/atomic_file.h"

namespace ptest {

namespace {

using nlohmann::json;

// Reads the manifest from nlohmann's SAX events straight into the structs,
// without building a JSON tree first: a 20,000-case manifest loads in about
// a third of the time. Every complaint names the field by its JSON pointer.
//
// The reader is a stack of the containers it is inside. A value is handled
// by the innermost container and, in an object, the key just read; fields it
// does not know are skipped whole, so later versions may add fields.
class ManifestReader : public json::json_sax_t {
 public:
  explicit ManifestReader(Manifest& manifest) : manifest_(manifest) {}

  std::string error;  // set when a handler returns false

  // After a successful parse: required top-level fields, and case targets.
  bool finish() {
    if (!saw_version_) return fail("/schema_version", "missing");
    if (!saw_targets_) return fail("/targets", "missing");
    if (!saw_cases_) return fail("/cases", "missing");
    std::map<std::string, std::size_t> by_name;
    for (std::size_t i = 0; i < manifest_.targets.size(); ++i)
      if (!by_name.emplace(manifest_.targets[i].name, i).second)
        return fail("/targets/" + std::to_string(i) + "/name",
                    "target '" + manifest_.targets[i].name + "' appears twice");
    for (std::size_t i = 0; i < manifest_.cases.size(); ++i) {
      auto it = by_name.find(case_targets_[i]);
      if (it == by_name.end())
        return fail("/cases/" + std::to_string(i) + "/target", "no target named '" + case_targets_[i] + "'");
      manifest_.cases[i].target = it->second;
    }
    return true;
  }

  bool null() override { return scalar(Value{Value::Kind::null}); }
  bool boolean(bool value) override { return scalar(Value{Value::Kind::boolean, value}); }
  bool number_integer(number_integer_t value) override { return number(static_cast<double>(value), true); }
  bool number_unsigned(number_unsigned_t value) override { return number(static_cast<double>(value), true); }
  bool number_float(number_float_t value, const string_t&) override { return number(value, false); }
  bool string(string_t& value) override { return scalar(Value{Value::Kind::string, false, 0, false, &value}); }
  bool binary(binary_t&) override { return scalar(Value{Value::Kind::null}); }

  bool key(string_t& key) override {
    key_ = std::move(key);
    return true;
  }

  bool start_object(std::size_t) override { return open(true); }
  bool start_array(std::size_t) override { return open(false); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }

  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& failure) override {
    // nlohmann's message carries the line and column; drop its "[json.exception...]" prefix.
    std::string why = failure.what();
    if (auto bracket = why.find("] "); bracket != std::string::npos) why = why.substr(bracket + 2);
    error = "not valid JSON: " + why;
    return false;
  }

 private:
  enum class In {
    nothing, top, targets, target, arguments, environment, target_fixtures, cases, test_case, markers, registry,
    marker_info, fixtures, fixture, fixture_command, skipped
  };

  struct Value {
    enum class Kind { null, boolean, number, string } kind;
    bool flag = false;
    double number = 0;
    bool integer = false;
    string_t* text = nullptr;
  };

  struct Frame {
    In in;
    std::string key;  // in the parent object, the key of this container
  };

  bool fail(const std::string& pointer, const std::string& why) {
    error = (pointer.empty() ? "/" : pointer) + ": " + why;
    return false;
  }

  std::string fixture_pointer() const {
    return "/fixtures/" + std::to_string(manifest_.fixtures.size() - 1) + "/" + key_;
  }

  // The JSON pointer of the current container, plus `key` if given.
  std::string pointer(const std::string& key = {}) const {
    std::string path;
    for (std::size_t i = 1; i < stack_.size(); ++i) {
      path += "/" + stack_[i].key;
      if (stack_[i].in == In::target) path = "/targets/" + std::to_string(manifest_.targets.size() - 1);
      if (stack_[i].in == In::test_case) path = "/cases/" + std::to_string(manifest_.cases.size() - 1);
    }
    return key.empty() ? path : path + "/" + key;
  }

  In top() const { return stack_.empty() ? In::nothing : stack_.back().in; }

  bool open(bool object) {
    const In parent = top();
    In in = In::skipped;
    if (parent == In::skipped) {
      in = In::skipped;
    } else if (parent == In::nothing) {
      if (!object) return fail("", "expected an object");
      in = In::top;
    } else if (parent == In::top && key_ == "targets") {
      if (object) return fail("/targets", "expected an array");
      saw_targets_ = true;
      in = In::targets;
    } else if (parent == In::top && key_ == "fixtures") {
      if (object) return fail("/fixtures", "expected an array");
      in = In::fixtures;
    } else if (parent == In::fixtures) {
      if (!object) return fail("/fixtures/" + std::to_string(manifest_.fixtures.size()), "expected an object");
      manifest_.fixtures.emplace_back();
      in = In::fixture;
    } else if (parent == In::fixture && (key_ == "setup" || key_ == "cleanup")) {
      if (object) return fail(fixture_pointer(), "expected an array of strings");
      in = In::fixture_command;
    } else if (parent == In::fixture) {
      return fail(fixture_pointer(), "expected a string");
    } else if (parent == In::target && key_ == "fixtures") {
      if (object) return fail(pointer(key_), "expected an array of strings");
      in = In::target_fixtures;
    } else if (parent == In::top && key_ == "markers") {
      if (object) return fail("/markers", "expected an array");
      in = In::registry;
    } else if (parent == In::registry) {
      if (!object) return fail("/markers/" + std::to_string(manifest_.markers.size()), "expected an object");
      manifest_.markers.emplace_back();
      in = In::marker_info;
    } else if (parent == In::marker_info) {
      return fail("/markers/" + std::to_string(manifest_.markers.size() - 1) + "/" + key_, "expected a string");
    } else if (parent == In::top && key_ == "cases") {
      if (object) return fail("/cases", "expected an array");
      saw_cases_ = true;
      in = In::cases;
    } else if (parent == In::targets || parent == In::cases) {
      const bool target = parent == In::targets;
      const std::string where = (target ? "/targets/" : "/cases/") +
                                std::to_string(target ? manifest_.targets.size() : manifest_.cases.size());
      if (!object) return fail(where, "expected an object");
      if (target) manifest_.targets.emplace_back();
      else {
        manifest_.cases.emplace_back();
        case_targets_.emplace_back();
      }
      seen_ = 0;
      in = target ? In::target : In::test_case;
    } else if (parent == In::target && (key_ == "arguments" || key_ == "environment")) {
      const bool arguments = key_ == "arguments";
      if (object == arguments)
        return fail(pointer(key_), arguments ? "expected an array of strings" : "expected an object of strings");
      in = arguments ? In::arguments : In::environment;
    } else if (parent == In::test_case && key_ == "markers") {
      if (object) return fail(pointer(key_), "expected an array of strings");
      in = In::markers;
    } else if (parent == In::target || parent == In::test_case || parent == In::top) {
      if (expects_scalar(parent, key_)) return fail(pointer(key_), wrong_type(parent, key_));
    } else {
      // A container inside arguments, environment or markers.
      return fail(pointer(), parent == In::environment ? "expected an object of strings" : "expected an array of strings");
    }
    stack_.push_back(Frame{in, key_});
    return true;
  }

  bool close() {
    const In in = top();
    if (in == In::target) {
      if (!(seen_ & kName)) return fail(pointer("name"), "missing");
      if (!(seen_ & kExecutable)) return fail(pointer("executable"), "missing");
    } else if (in == In::test_case) {
      for (const auto& [bit, field] : {std::pair{kId, "id"}, {kName, "name"}, {kSuite, "suite"}, {kTarget, "target"}})
        if (!(seen_ & bit)) return fail(pointer(field), "missing");
      normalise_markers(manifest_.cases.back().markers);
    }
    stack_.pop_back();
    return true;
  }

  bool number(double value, bool integer) {
    Value number{Value::Kind::number};
    number.number = value;
    number.integer = integer;
    return scalar(number);
  }

  static bool expects_scalar(In in, const std::string& key) {
    if (in == In::top) return key == "schema_version";
    if (in == In::target)
      return key == "name" || key == "executable" || key == "working_directory" || key == "framework";
    if (in == In::test_case)
      return key == "id" || key == "name" || key == "suite" || key == "target" || key == "file" ||
             key == "line" || key == "group" || key == "timeout" || key == "disabled";
    return false;
  }

  static std::string wrong_type(In in, const std::string& key) {
    if (in == In::top) return "expected an integer";
    if (key == "line" || key == "timeout") return "expected a number >= 0";
    if (key == "disabled") return "expected true or false";
    return "expected a string";
  }

  bool scalar(const Value& value) {
    switch (top()) {
      case In::nothing: return fail("", "expected an object");
      case In::skipped: return true;
      case In::top: return top_field(value);
      case In::target: return target_field(value);
      case In::test_case: return case_field(value);
      case In::arguments:
        if (value.kind != Value::Kind::string) return fail(pointer(), "expected an array of strings");
        manifest_.targets.back().arguments.push_back(std::move(*value.text));
        return true;
      case In::markers:
        if (value.kind != Value::Kind::string) return fail(pointer(), "expected an array of strings");
        manifest_.cases.back().markers.push_back(std::move(*value.text));
        return true;
      case In::environment:
        if (value.kind != Value::Kind::string) return fail(pointer(key_), "expected a string");
        manifest_.targets.back().environment.emplace_back(key_, std::move(*value.text));
        return true;
      case In::target_fixtures:
        if (value.kind != Value::Kind::string) return fail(pointer(), "expected an array of strings");
        manifest_.targets.back().fixtures.push_back(std::move(*value.text));
        return true;
      case In::fixtures: return fail("/fixtures/" + std::to_string(manifest_.fixtures.size()), "expected an object");
      case In::fixture_command: {
        if (value.kind != Value::Kind::string) return fail(fixture_pointer(), "expected an array of strings");
        Fixture& fixture = manifest_.fixtures.back();
        (stack_.back().key == "setup" ? fixture.setup : fixture.cleanup).push_back(std::move(*value.text));
        return true;
      }
      case In::fixture: {
        Fixture& fixture = manifest_.fixtures.back();
        if (key_ != "name" && key_ != "working_directory") return key_ == "setup" || key_ == "cleanup"
                                                                       ? fail(fixture_pointer(), "expected an array of strings")
                                                                       : true;
        if (value.kind != Value::Kind::string) return fail(fixture_pointer(), "expected a string");
        (key_ == "name" ? fixture.name : fixture.working_directory) = std::move(*value.text);
        return true;
      }
      case In::registry: return fail("/markers/" + std::to_string(manifest_.markers.size()), "expected an object");
      case In::marker_info: {
        const std::string where = "/markers/" + std::to_string(manifest_.markers.size() - 1) + "/" + key_;
        MarkerInfo& marker = manifest_.markers.back();
        if (key_ != "name" && key_ != "description") return true;
        if (value.kind != Value::Kind::string) return fail(where, "expected a string");
        (key_ == "name" ? marker.name : marker.description) = std::move(*value.text);
        return true;
      }
      case In::targets: return fail("/targets/" + std::to_string(manifest_.targets.size()), "expected an object");
      case In::cases: return fail("/cases/" + std::to_string(manifest_.cases.size()), "expected an object");
    }
    return true;
  }

  bool top_field(const Value& value) {
    if (key_ == "targets" || key_ == "cases" || key_ == "markers" || key_ == "fixtures")
      return fail("/" + key_, "expected an array");
    if (key_ != "schema_version") return true;
    saw_version_ = true;
    if (value.kind != Value::Kind::number || !value.integer || value.number != kManifestSchemaVersion) {
      const std::string shown = value.kind == Value::Kind::number
                                    ? (value.integer ? std::to_string(static_cast<long long>(value.number))
                                                     : json(value.number).dump())
                                : value.kind == Value::Kind::string ? json(*value.text).dump()
                                                                      : "of the wrong type";
      error = "schema_version " + shown + " is not supported (this ptest reads " +
              std::to_string(kManifestSchemaVersion) + "); rebuild the project to regenerate it";
      return false;
    }
    return true;
  }

  bool take_string(const Value& value, std::string& into, unsigned bit, bool nullable = false) {
    if (value.kind == Value::Kind::null && nullable) {
      seen_ |= bit;
      return true;
    }
    if (value.kind != Value::Kind::string) return fail(pointer(key_), "expected a string");
    into = std::move(*value.text);
    seen_ |= bit;
    return true;
  }

  bool take_number(const Value& value, double& into) {
    if (value.kind != Value::Kind::number || value.number < 0) return fail(pointer(key_), "expected a number >= 0");
    into = value.number;
    return true;
  }

  bool target_field(const Value& value) {
    Target& target = manifest_.targets.back();
    if (key_ == "name") return take_string(value, target.name, kName);
    if (key_ == "executable") return take_string(value, target.executable, kExecutable);
    if (key_ == "working_directory") return take_string(value, target.working_directory, 0, true);
    if (key_ == "framework") {
      const auto framework = value.kind == Value::Kind::string ? parse_framework(*value.text) : std::nullopt;
      if (!framework) return fail(pointer(key_), "expected \"gtest\" or \"plain\"");
      target.framework = *framework;
      return true;
    }
    if (key_ == "arguments") return fail(pointer(key_), "expected an array of strings");
    if (key_ == "environment") return fail(pointer(key_), "expected an object of strings");
    if (key_ == "fixtures") return fail(pointer(key_), "expected an array of strings");
    return true;
  }

  bool case_field(const Value& value) {
    TestCase& test_case = manifest_.cases.back();
    if (key_ == "id") return take_string(value, test_case.id, kId);
    if (key_ == "name") return take_string(value, test_case.name, kName);
    if (key_ == "suite") return take_string(value, test_case.suite, kSuite);
    if (key_ == "target") return take_string(value, case_targets_.back(), kTarget);
    if (key_ == "file") return take_string(value, test_case.file, 0, true);
    if (key_ == "group") return take_string(value, test_case.group, 0, true);
    if (key_ == "markers") return fail(pointer(key_), "expected an array of strings");
    if (key_ == "timeout") return take_number(value, test_case.timeout);
    if (key_ == "line") {
      double line = 0;
      if (!take_number(value, line)) return false;
      if (line > 1e9) return fail(pointer(key_), "expected a line number");
      test_case.line = static_cast<int>(line);
      return true;
    }
    if (key_ == "disabled") {
      if (value.kind != Value::Kind::boolean) return fail(pointer(key_), "expected true or false");
      test_case.disabled = value.flag;
    }
    return true;
  }

  // Required fields seen in the current target or case.
  static constexpr unsigned kId = 1, kName = 2, kSuite = 4, kTarget = 8, kExecutable = 16;

  Manifest& manifest_;
  std::vector<Frame> stack_;
  std::string key_;
  unsigned seen_ = 0;
  std::vector<std::string> case_targets_;  // by case, resolved in finish()
  bool saw_version_ = false, saw_targets_ = false, saw_cases_ = false;
};

}  // namespace

Manifest parse_manifest(const std::string& text, const std::string& source) {
  Manifest manifest;
  ManifestReader reader(manifest);
  if (!json::sax_parse(text, &reader) || !reader.finish())
    throw ManifestError("manifest '" + source + "': " + reader.error);
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
  // ordered_json keeps schema_version first, so a reader learns the version
  // before anything else, and targets before the cases that name them.
  using ordered = nlohmann::ordered_json;
  ordered targets = ordered::array();
  for (const Target& target : manifest.targets) {
    ordered environment = ordered::object();
    for (const auto& [name, value] : target.environment) environment[name] = value;
    targets.push_back({{"name", target.name},
                       {"framework", framework_name(target.framework)},
                       {"executable", target.executable},
                       {"arguments", target.arguments},
                       {"working_directory", target.working_directory},
                       {"environment", environment},
                       {"fixtures", target.fixtures}});
  }
  ordered cases = ordered::array();
  for (const TestCase& test_case : manifest.cases) {
    cases.push_back({{"id", test_case.id},
                     {"target", manifest.targets.at(test_case.target).name},
                     {"name", test_case.name},
                     {"suite", test_case.suite},
                     {"file", test_case.file},
                     {"line", test_case.line},
                     {"markers", test_case.markers},
                     {"group", test_case.group.empty() ? ordered(nullptr) : ordered(test_case.group)},
                     {"timeout", test_case.timeout},
                     {"disabled", test_case.disabled}});
  }
  ordered markers = ordered::array();
  for (const MarkerInfo& marker : manifest.markers)
    markers.push_back({{"name", marker.name}, {"description", marker.description}});
  ordered fixtures = ordered::array();
  for (const Fixture& fixture : manifest.fixtures)
    fixtures.push_back({{"name", fixture.name},
                        {"setup", fixture.setup},
                        {"cleanup", fixture.cleanup},
                        {"working_directory", fixture.working_directory}});
  ordered document = {{"schema_version", kManifestSchemaVersion},
                      {"markers", markers},
                      {"fixtures", fixtures},
                      {"targets", targets},
                      {"cases", cases}};
  // Compact: a 20,000-case manifest is read on every run, and white space
  // costs reading time (jq or python -m json.tool show it indented).
  return document.dump() + "\n";
}

}  // namespace ptest
