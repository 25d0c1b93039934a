// Reading a manifest: parse_manifest and read_manifest (formats/manifest.h).
#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <variant>

#include "formats/json_sax.h"
#include "formats/manifest.h"
#include "formats/manifest_fields.h"
#include "util/atomic_file.h"

namespace ptest {

namespace {

using nlohmann::json;
using namespace manifest_fields;

// Reads the manifest from SAX events (formats/json_sax.h) straight into the
// structs, without building a JSON tree first. Which fields there are, what they hold and where they
// go comes from the tables in manifest_fields.h. Every complaint names the
// field by its JSON pointer.
//
// The reader is a stack of frames, one for each container it is filling: an
// object with a table, an array of such objects, an array of strings, an
// object of strings. A value goes to the innermost frame. Fields it does not
// know are skipped whole, by counting depth, so later versions may add fields.
class ManifestReader : public json::json_sax_t {
 public:
  explicit ManifestReader(Manifest& manifest) : manifest_(manifest) { stack_.reserve(8); }

  std::string error;  // set when a handler returns false

  // After a successful parse: the required top-level fields, and the targets
  // the cases name, now that all targets are known.
  bool finish() { return check_required<Manifest>(root_seen_) && resolve_target_names(); }

  bool null() override { return scalar(Value{Value::Type::null}); }
  bool boolean(bool value) override { return scalar(Value{Value::Type::boolean, value}); }
  bool number_integer(number_integer_t value) override { return number(static_cast<double>(value), true); }
  bool number_unsigned(number_unsigned_t value) override { return number(static_cast<double>(value), true); }
  bool number_float(number_float_t value, const string_t&) override { return number(value, false); }
  bool string(string_t& value) override { return scalar(Value{Value::Type::string, false, 0, false, &value}); }
  bool binary(binary_t&) override { return scalar(Value{Value::Type::null}); }

  bool key(string_t& key) override {
    if (skip_depth_ > 0) return true;
    Frame& frame = stack_.back();
    std::visit([&](auto* into) { key_in(into, frame, key); }, frame.into);
    return true;
  }

  bool start_object(std::size_t) override { return open(true, kUnknownSize); }
  bool start_array(std::size_t elements) override { return open(false, elements); }
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
  struct Value {
    enum class Type { null, boolean, number, string } type;
    bool flag = false;
    double number = 0;
    bool integer = false;
    string_t* text = nullptr;
  };

  // What a frame fills: an object with a table, an array of them, or the
  // member of a field that holds strings.
  using Into = std::variant<Manifest*, Target*, TestCase*, MarkerInfo*, Fixture*, std::vector<MarkerInfo>*,
                            std::vector<Fixture>*, std::vector<Target>*, std::vector<TestCase>*,
                            std::vector<std::string>*, StringMap*>;

  struct Frame {
    Into into;
    std::string_view key{};  // the field this container is the value of; empty for an object in an array
    std::size_t index = 0;   // an object in an array: its index there
    int field = -1;          // an object: the field of the key just read; -1: not one it knows
    std::uint32_t seen = 0;  // an object: the fields read, by their index in its table
    bool sorted = false;     // an array of strings: a Kind::marker_set
  };

  bool fail(const std::string& pointer, const std::string& why) {
    error = (pointer.empty() ? "/" : pointer) + ": " + why;
    return false;
  }

  // The JSON pointer of the innermost container.
  std::string pointer() const {
    std::string path;
    for (std::size_t i = 1; i < stack_.size(); ++i)
      path += "/" + (stack_[i].key.empty() ? std::to_string(stack_[i].index) : std::string(stack_[i].key));
    return path;
  }

  std::string pointer(std::string_view key) const { return pointer() + "/" + std::string(key); }

  static const char* expected(Kind kind) {
    switch (kind) {
      case Kind::schema_version: return "expected an integer";
      case Kind::string:
      case Kind::nullable_string:
      case Kind::optional_string:
      case Kind::target_name: return "expected a string";
      case Kind::line:
      case Kind::seconds:
      case Kind::optional_seconds: return "expected a number >= 0";
      case Kind::flag: return "expected true or false";
      case Kind::framework: return "expected \"gtest\", \"plain\", \"catch2\" or \"doctest\"";
      case Kind::strings:
      case Kind::marker_set: return "expected an array of strings";
      case Kind::string_map: return "expected an object of strings";
      case Kind::objects: return "expected an array";
    }
    return "expected something else";
  }

  static bool is_container(Kind kind) {
    return kind == Kind::strings || kind == Kind::marker_set || kind == Kind::string_map || kind == Kind::objects;
  }

  template <class Object>
  static constexpr std::uint32_t required_mask() {
    static_assert(std::size(Table<Object>::fields) <= 32, "Frame::seen has a bit for each field");
    std::uint32_t mask = 0;
    for (std::size_t i = 0; i < std::size(Table<Object>::fields); ++i)
      if (Table<Object>::fields[i].need == Need::required) mask |= 1u << i;
    return mask;
  }

  // Fields mostly come in table order, the writer's: the search starts after
  // the field read last.
  template <class Object>
  static int find_field(std::string_view key, int last) {
    constexpr int count = static_cast<int>(std::size(Table<Object>::fields));
    for (int step = 1; step <= count; ++step) {
      const int i = (last + step) % count;
      if (Table<Object>::fields[i].key == key) return i;
    }
    return -1;
  }

  // --- keys

  template <class Object>
  void key_in(Object*, Frame& frame, const string_t& key) {
    frame.field = find_field<Object>(key, frame.field);
  }
  void key_in(StringMap* map, Frame&, string_t& key) { map->emplace_back(std::move(key), std::string()); }
  // Arrays have no keys.
  template <class Item>
  void key_in(std::vector<Item>*, Frame&, const string_t&) {}

  // --- scalars

  bool number(double value, bool integer) {
    Value number{Value::Type::number};
    number.number = value;
    number.integer = integer;
    return scalar(number);
  }

  bool scalar(const Value& value) {
    if (skip_depth_ > 0) return true;
    if (stack_.empty()) return fail("", "expected an object");
    Frame& frame = stack_.back();
    return std::visit([&](auto* into) { return scalar_in(into, frame, value); }, frame.into);
  }

  template <class Object>
  bool scalar_in(Object* object, Frame& frame, const Value& value) {
    if (frame.field < 0) return true;
    const Field<Object>& field = Table<Object>::fields[frame.field];
    if (field.kind == Kind::schema_version) {
      frame.seen |= 1u << frame.field;
      return check_version(value);
    }
    if (const char* why = take(field, *object, value)) return fail(pointer(field.key), why);
    frame.seen |= 1u << frame.field;
    return true;
  }

  template <class Item>
  bool scalar_in(std::vector<Item>* list, Frame&, const Value&) {
    return fail(pointer() + "/" + std::to_string(list->size()), "expected an object");
  }

  bool scalar_in(std::vector<std::string>* strings, Frame&, const Value& value) {
    if (value.type != Value::Type::string) return fail(pointer(), expected(Kind::strings));
    strings->push_back(std::move(*value.text));
    return true;
  }

  bool scalar_in(StringMap* map, Frame&, const Value& value) {
    if (value.type != Value::Type::string) return fail(pointer(map->back().first), "expected a string");
    map->back().second = std::move(*value.text);
    return true;
  }

  // Stores a scalar in a field's member; returns why it cannot, or nullptr.
  template <class Object>
  const char* take(const Field<Object>& field, Object& object, const Value& value) {
    switch (field.kind) {
      case Kind::string:
      case Kind::nullable_string:
      case Kind::optional_string:
        if (value.type == Value::Type::null && field.kind != Kind::string) return nullptr;
        if (value.type != Value::Type::string) return expected(field.kind);
        object.*std::get<std::string Object::*>(field.member) = std::move(*value.text);
        return nullptr;
      case Kind::target_name:
        if (value.type != Value::Type::string) return expected(field.kind);
        object.*std::get<std::size_t Object::*>(field.member) = name_id(std::move(*value.text));
        return nullptr;
      case Kind::line:
        if (value.type != Value::Type::number || value.number < 0) return expected(field.kind);
        if (value.number > 1e9) return "expected a line number";
        object.*std::get<int Object::*>(field.member) = static_cast<int>(value.number);
        return nullptr;
      case Kind::seconds:
      case Kind::optional_seconds:
        if (value.type != Value::Type::number || value.number < 0) return expected(field.kind);
        object.*std::get<double Object::*>(field.member) = value.number;
        return nullptr;
      case Kind::flag:
        if (value.type != Value::Type::boolean) return expected(field.kind);
        object.*std::get<bool Object::*>(field.member) = value.flag;
        return nullptr;
      case Kind::framework: {
        const auto framework = value.type == Value::Type::string ? parse_framework(*value.text) : std::nullopt;
        if (!framework) return expected(field.kind);
        object.*std::get<Framework Object::*>(field.member) = *framework;
        return nullptr;
      }
      case Kind::schema_version:  // scalar_in checks it
      case Kind::strings:
      case Kind::marker_set:
      case Kind::string_map:
      case Kind::objects: return expected(field.kind);
    }
    return expected(field.kind);
  }

  bool check_version(const Value& value) {
    if (value.type == Value::Type::number && value.integer && value.number == kManifestSchemaVersion) return true;
    const std::string shown = value.type == Value::Type::number
                                  ? (value.integer ? std::to_string(static_cast<long long>(value.number))
                                                   : json(value.number).dump())
                              : value.type == Value::Type::string ? json(*value.text).dump()
                                                                    : "of the wrong type";
    error = "schema_version " + shown + " is not supported (this ptest reads " +
            std::to_string(kManifestSchemaVersion) + "); rebuild the project to regenerate it";
    return false;
  }

  // A case's target is known by name until every target is read (a manifest
  // may list the cases first): the member holds the name's index in names_,
  // and resolve_target_names() replaces it with the target's. Consecutive
  // cases mostly name the same target, so a repeated name is kept once.
  std::size_t name_id(std::string&& name) {
    if (names_.empty() || names_.back() != name) names_.push_back(std::move(name));
    return names_.size() - 1;
  }

  // --- containers

  // What nlohmann's parser says of an array's size; simdjson knows it.
  static constexpr std::size_t kUnknownSize = static_cast<std::size_t>(-1);

  bool open(bool object, std::size_t elements) {
    if (skip_depth_ > 0) {
      ++skip_depth_;
      return true;
    }
    if (stack_.empty()) {
      if (!object) return fail("", "expected an object");
      stack_.push_back(Frame{&manifest_});
      return true;
    }
    Frame& frame = stack_.back();
    return std::visit([&](auto* into) { return open_in(into, frame, object, elements); }, frame.into);
  }

  template <class Object>
  bool open_in(Object* object, Frame& frame, bool is_object, std::size_t elements) {
    if (frame.field < 0) {
      skip_depth_ = 1;
      return true;
    }
    const Field<Object>& field = Table<Object>::fields[frame.field];
    if (!is_container(field.kind) || is_object != (field.kind == Kind::string_map))
      return fail(pointer(field.key), expected(field.kind));
    frame.seen |= 1u << frame.field;
    Frame inner{object};
    inner.key = field.key;
    inner.sorted = field.kind == Kind::marker_set;
    std::visit(
        [&](auto member) {
          if constexpr (!std::is_same_v<decltype(member), std::monostate>) {
            using Held = std::remove_reference_t<decltype(object->*member)>;
            if constexpr (std::is_constructible_v<Into, Held*>) inner.into = &(object->*member);
          }
        },
        field.member);
    // 20,000 cases grown one at a time are copied some fifteen times over.
    std::visit(
        [&](auto* list) {
          using List = std::remove_pointer_t<decltype(list)>;
          if constexpr (IsObjectList<List>::value)
            if (elements != kUnknownSize) list->reserve(std::min<std::size_t>(elements, 1u << 20));
        },
        inner.into);
    stack_.push_back(inner);  // `frame` is not valid after this
    return true;
  }

  template <class Item>
  bool open_in(std::vector<Item>* list, Frame&, bool is_object, std::size_t) {
    if (!is_object) return fail(pointer() + "/" + std::to_string(list->size()), "expected an object");
    list->emplace_back();
    Frame inner{&list->back()};
    inner.index = list->size() - 1;
    stack_.push_back(inner);
    return true;
  }

  // A container inside an array or object of strings.
  bool open_in(std::vector<std::string>*, Frame&, bool, std::size_t) { return fail(pointer(), expected(Kind::strings)); }
  bool open_in(StringMap*, Frame&, bool, std::size_t) { return fail(pointer(), expected(Kind::string_map)); }

  bool close() {
    if (skip_depth_ > 0) {
      --skip_depth_;
      return true;
    }
    Frame& frame = stack_.back();
    if (!std::visit([&](auto* into) { return close_in(into, frame); }, frame.into)) return false;
    stack_.pop_back();
    return true;
  }

  template <class Object>
  bool close_in(Object*, Frame& frame) {
    if constexpr (std::is_same_v<Object, Manifest>) {
      // Checked in finish(), once the text is known to be JSON to its end.
      root_seen_ = frame.seen;
      return true;
    } else {
      return check_required<Object>(frame.seen);
    }
  }
  template <class Item>
  bool close_in(std::vector<Item>*, Frame&) {
    return true;
  }
  bool close_in(std::vector<std::string>* strings, Frame& frame) {
    if (frame.sorted) normalise_markers(*strings);
    return true;
  }
  bool close_in(StringMap*, Frame&) { return true; }

  // Names the first required field missing from the object being closed:
  // its own fields in table order, then the target it names.
  template <class Object>
  bool check_required(std::uint32_t seen) {
    constexpr std::uint32_t required = required_mask<Object>();
    if ((seen & required) == required) return true;
    for (const bool target_name : {false, true})
      for (std::size_t i = 0; i < std::size(Table<Object>::fields); ++i) {
        const Field<Object>& field = Table<Object>::fields[i];
        if ((required & (1u << i)) && !(seen & (1u << i)) && (field.kind == Kind::target_name) == target_name)
          return fail(pointer(field.key), "missing");
      }
    return true;
  }

  // --- targets named by cases

  bool resolve_target_names() {
    std::map<std::string, std::size_t> by_name;
    for (std::size_t i = 0; i < manifest_.targets.size(); ++i)
      if (!by_name.emplace(manifest_.targets[i].name, i).second)
        return fail("/targets/" + std::to_string(i) + "/name",
                    "target '" + manifest_.targets[i].name + "' appears twice");
    std::vector<std::optional<std::size_t>> target_of_name(names_.size());
    for (std::size_t i = 0; i < names_.size(); ++i)
      if (auto it = by_name.find(names_[i]); it != by_name.end()) target_of_name[i] = it->second;
    for (const Field<Manifest>& list : Table<Manifest>::fields) {
      const bool resolved = std::visit(
          [&](auto member) {
            if constexpr (std::is_same_v<decltype(member), std::monostate>) {
              return true;
            } else if constexpr (!IsObjectList<std::remove_reference_t<decltype(manifest_.*member)>>::value) {
              return true;
            } else {
              return resolve_in(manifest_.*member, list.key, target_of_name);
            }
          },
          list.member);
      if (!resolved) return false;
    }
    return true;
  }

  template <class Item>
  bool resolve_in(std::vector<Item>& items, std::string_view list_key,
                  const std::vector<std::optional<std::size_t>>& target_of_name) {
    for (const Field<Item>& field : Table<Item>::fields) {
      if (field.kind != Kind::target_name) continue;
      const auto member = std::get<std::size_t Item::*>(field.member);
      for (std::size_t i = 0; i < items.size(); ++i) {
        std::size_t& target = items[i].*member;
        if (!target_of_name[target])
          return fail("/" + std::string(list_key) + "/" + std::to_string(i) + "/" + std::string(field.key),
                      "no target named '" + names_[target] + "'");
        target = *target_of_name[target];
      }
    }
    return true;
  }

  Manifest& manifest_;
  std::vector<Frame> stack_;
  int skip_depth_ = 0;          // > 0: inside a field the reader does not know
  std::uint32_t root_seen_ = 0;  // the top-level fields read, for finish()
  std::vector<std::string> names_;  // target names read from cases, see name_id()
};

}  // namespace

Manifest parse_manifest(const std::string& text, const std::string& source) {
  Manifest manifest;
  std::optional<ManifestReader> reader;
  const auto fresh_reader = [&]() -> nlohmann::json::json_sax_t& {
    reader.reset();
    manifest = Manifest{};
    return reader.emplace(manifest);
  };
  if (!sax_parse(text, fresh_reader) || !reader->finish())
    throw ManifestError("manifest '" + source + "': " + reader->error);
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

}  // namespace ptest
