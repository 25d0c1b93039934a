// The manifest's JSON form as data: for each kind of object, its fields in
// the order they are written, each with its key, its kind, whether it is
// required, and the member it is kept in. The reader (manifest_reader.cc)
// and the writer (manifest_writer.cc) follow these tables; apart from the
// rule that target names are unique, they know no field by name. A new field
// is one line here (and a row in docs/formats.md).
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "model/model.h"

namespace ptest::manifest_fields {

enum class Kind {
  schema_version,    // the integer kManifestSchemaVersion; kept in no member
  string,            // a string
  nullable_string,   // a string; null is read as "" (and "" written as "")
  optional_string,   // a string, or null for none: null is read as "", "" is written as null
  line,              // an integer >= 0 (a number is cut to one), at most 1e9: a line number or a count
  seconds,           // a number >= 0
  optional_seconds,  // a number >= 0, or absent for none: kept as 0, and 0 is not written
  flag,              // true or false
  framework,         // "gtest", "plain", "catch2" or "doctest" (framework_name, parse_framework)
  target_name,       // the name of a target, kept as its index in Manifest::targets
  strings,           // an array of strings, in order
  marker_set,        // an array of strings, kept sorted without duplicates (normalise_markers)
  string_map,        // an object of strings, in file order
  objects,           // an array of objects, each read and written with its own table
};

enum class Need { optional, required };

using StringMap = std::vector<std::pair<std::string, std::string>>;

// Where a field is kept: a pointer to a member of the object of its table.
template <class Object>
using Member = std::variant<std::monostate,  // Kind::schema_version
                            std::string Object::*, int Object::*, double Object::*, bool Object::*,
                            Framework Object::*, std::size_t Object::*, std::vector<std::string> Object::*,
                            StringMap Object::*, std::vector<MarkerInfo> Object::*,
                            std::vector<Fixture> Object::*, std::vector<Target> Object::*,
                            std::vector<TestCase> Object::*>;

template <class Object>
struct Field {
  // Only for Kind::schema_version, which has no member.
  constexpr Field(std::string_view key, Kind kind, Need need) : key(key), kind(kind), need(need) {
    if (kind != Kind::schema_version) throw std::logic_error("a field of this kind needs a member");
  }
  // A kind that does not fit the member's type stops the compilation: the
  // tables are constants, and a throw cannot happen in a constant.
  template <class Value>
  constexpr Field(std::string_view key, Kind kind, Need need, Value Object::*member)
      : key(key), kind(kind), need(need), member(member) {
    if (!fits(kind, static_cast<Value*>(nullptr))) throw std::logic_error("the kind does not fit the member");
    // Until all targets are read, the reader keeps in such a member where it
    // put the name it read; a member it never wrote would point at any name.
    if (kind == Kind::target_name && need != Need::required) throw std::logic_error("a target name is required");
  }

  std::string_view key;
  Kind kind;
  Need need;
  Member<Object> member;

 private:
  static constexpr bool fits(Kind k, std::string*) {
    return k == Kind::string || k == Kind::nullable_string || k == Kind::optional_string;
  }
  static constexpr bool fits(Kind k, int*) { return k == Kind::line; }
  static constexpr bool fits(Kind k, double*) { return k == Kind::seconds || k == Kind::optional_seconds; }
  static constexpr bool fits(Kind k, bool*) { return k == Kind::flag; }
  static constexpr bool fits(Kind k, Framework*) { return k == Kind::framework; }
  static constexpr bool fits(Kind k, std::size_t*) { return k == Kind::target_name; }
  static constexpr bool fits(Kind k, std::vector<std::string>*) { return k == Kind::strings || k == Kind::marker_set; }
  static constexpr bool fits(Kind k, StringMap*) { return k == Kind::string_map; }
  template <class Item>
  static constexpr bool fits(Kind k, std::vector<Item>*) { return k == Kind::objects; }
};

// Table<Object>::fields: the fields of one kind of object, in written order.
template <class Object>
struct Table;

template <>
struct Table<MarkerInfo> {
  static constexpr Field<MarkerInfo> fields[] = {
      {"name", Kind::string, Need::optional, &MarkerInfo::name},
      {"description", Kind::string, Need::optional, &MarkerInfo::description},
  };
};

template <>
struct Table<Fixture> {
  static constexpr Field<Fixture> fields[] = {
      {"name", Kind::string, Need::optional, &Fixture::name},
      {"setup", Kind::strings, Need::optional, &Fixture::setup},
      {"cleanup", Kind::strings, Need::optional, &Fixture::cleanup},
      {"working_directory", Kind::string, Need::optional, &Fixture::working_directory},
  };
};

template <>
struct Table<Target> {
  static constexpr Field<Target> fields[] = {
      {"name", Kind::string, Need::required, &Target::name},
      {"framework", Kind::framework, Need::optional, &Target::framework},
      {"executable", Kind::string, Need::required, &Target::executable},
      {"arguments", Kind::strings, Need::optional, &Target::arguments},
      {"working_directory", Kind::nullable_string, Need::optional, &Target::working_directory},
      {"environment", Kind::string_map, Need::optional, &Target::environment},
      {"fixtures", Kind::strings, Need::optional, &Target::fixtures},
      {"launcher", Kind::strings, Need::optional, &Target::launcher},
      {"skip_return_code", Kind::line, Need::optional, &Target::skip_return_code},
  };
};

template <>
struct Table<TestCase> {
  static constexpr Field<TestCase> fields[] = {
      {"id", Kind::string, Need::required, &TestCase::id},
      {"target", Kind::target_name, Need::required, &TestCase::target},
      {"name", Kind::string, Need::required, &TestCase::name},
      {"suite", Kind::string, Need::required, &TestCase::suite},
      {"file", Kind::nullable_string, Need::optional, &TestCase::file},
      {"line", Kind::line, Need::optional, &TestCase::line},
      {"markers", Kind::marker_set, Need::optional, &TestCase::markers},
      {"group", Kind::optional_string, Need::optional, &TestCase::group},
      {"timeout", Kind::seconds, Need::optional, &TestCase::timeout},
      {"disabled", Kind::flag, Need::optional, &TestCase::disabled},
      {"reruns", Kind::line, Need::optional, &TestCase::reruns},
      {"slow", Kind::optional_seconds, Need::optional, &TestCase::slow},
  };
};

// The whole document. schema_version comes first, so a reader learns the
// version before anything else, and targets before the cases that name them.
template <>
struct Table<Manifest> {
  static constexpr Field<Manifest> fields[] = {
      {"schema_version", Kind::schema_version, Need::required},
      {"markers", Kind::objects, Need::optional, &Manifest::markers},
      {"fixtures", Kind::objects, Need::optional, &Manifest::fixtures},
      {"targets", Kind::objects, Need::required, &Manifest::targets},
      {"cases", Kind::objects, Need::required, &Manifest::cases},
  };
};

// Whether a member holds an array of objects that have a table of their own.
template <class Value>
struct IsObjectList : std::false_type {};
template <class Item>
struct IsObjectList<std::vector<Item>>
    : std::bool_constant<!std::is_same_v<Item, std::string> && !std::is_same_v<Item, StringMap::value_type>> {};

}  // namespace ptest::manifest_fields
