// Writing a manifest: manifest_to_json (formats/manifest.h).
#include <nlohmann/json.hpp>
#include <variant>

#include "formats/manifest.h"
#include "formats/manifest_fields.h"

namespace ptest {

namespace {

// ordered_json keeps the fields in the order of the tables.
using ordered = nlohmann::ordered_json;
using namespace manifest_fields;

template <class Object>
ordered object_json(const Object& object, const Manifest& manifest);

template <class Object>
ordered field_json(const Field<Object>& field, const Object& object, const Manifest& manifest) {
  switch (field.kind) {
    case Kind::schema_version: return kManifestSchemaVersion;
    case Kind::string:
    case Kind::nullable_string: return object.*std::get<std::string Object::*>(field.member);
    case Kind::optional_string: {
      const std::string& text = object.*std::get<std::string Object::*>(field.member);
      return text.empty() ? ordered(nullptr) : ordered(text);
    }
    case Kind::line: return object.*std::get<int Object::*>(field.member);
    case Kind::seconds:
    case Kind::optional_seconds: return object.*std::get<double Object::*>(field.member);
    case Kind::flag: return object.*std::get<bool Object::*>(field.member);
    case Kind::framework: return framework_name(object.*std::get<Framework Object::*>(field.member));
    case Kind::target_name: return manifest.targets.at(object.*std::get<std::size_t Object::*>(field.member)).name;
    case Kind::strings:
    case Kind::marker_set: return object.*std::get<std::vector<std::string> Object::*>(field.member);
    case Kind::string_map: {
      ordered map = ordered::object();
      for (const auto& [name, value] : object.*std::get<StringMap Object::*>(field.member)) map[name] = value;
      return map;
    }
    case Kind::objects:
      return std::visit(
          [&](auto member) {
            ordered items = ordered::array();
            if constexpr (!std::is_same_v<decltype(member), std::monostate>) {
              if constexpr (IsObjectList<std::remove_cv_t<std::remove_reference_t<decltype(object.*member)>>>::value)
                for (const auto& item : object.*member) items.push_back(object_json(item, manifest));
            }
            return items;
          },
          field.member);
  }
  return nullptr;
}

// An optional number that is not set is left out, so that a manifest
// carries such a field only for the cases that have one.
template <class Object>
bool written(const Field<Object>& field, const Object& object) {
  return field.kind != Kind::optional_seconds || object.*std::get<double Object::*>(field.member) > 0;
}

template <class Object>
ordered object_json(const Object& object, const Manifest& manifest) {
  ordered json = ordered::object();
  for (const Field<Object>& field : Table<Object>::fields)
    if (written(field, object)) json[std::string(field.key)] = field_json(field, object, manifest);
  return json;
}

}  // namespace

std::string manifest_to_json(const Manifest& manifest) {
  // Compact: a 20,000-case manifest is read on every run, and white space
  // costs reading time (jq or python -m json.tool show it indented).
  return object_json(manifest, manifest).dump() + "\n";
}

}  // namespace ptest
