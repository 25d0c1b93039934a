#include "formats/json_sax.h"

#include <simdjson.h>

#include <cstdint>
#include <string_view>

#include "util/atomic_file.h"

namespace ptest {

namespace {

using nlohmann::json;
namespace dom = simdjson::dom;

// Replays one element and what it holds, depth first, as SAX events.
// Returns false as soon as the handler does.
bool replay(const dom::element& element, json::json_sax_t& handler, std::string& text) {
  switch (element.type()) {
    case dom::element_type::OBJECT: {
      const dom::object object = element.get_object().value_unsafe();
      if (!handler.start_object(object.size())) return false;
      for (const dom::key_value_pair field : object) {
        text.assign(field.key);
        if (!handler.key(text) || !replay(field.value, handler, text)) return false;
      }
      return handler.end_object();
    }
    case dom::element_type::ARRAY: {
      const dom::array array = element.get_array().value_unsafe();
      if (!handler.start_array(array.size())) return false;
      for (const dom::element item : array)
        if (!replay(item, handler, text)) return false;
      return handler.end_array();
    }
    case dom::element_type::STRING:
      text.assign(element.get_string().value_unsafe());
      return handler.string(text);
    case dom::element_type::INT64: {
      // simdjson keeps every integer that fits in an int64 as one; nlohmann
      // calls a number without a minus sign unsigned.
      const std::int64_t value = element.get_int64().value_unsafe();
      if (value >= 0) return handler.number_unsigned(static_cast<std::uint64_t>(value));
      return handler.number_integer(value);
    }
    case dom::element_type::UINT64:
      return handler.number_unsigned(element.get_uint64().value_unsafe());
    case dom::element_type::DOUBLE: {
      // nlohmann passes the number's text too; no handler of ours reads it.
      static const std::string no_text;
      return handler.number_float(element.get_double().value_unsafe(), no_text);
    }
    case dom::element_type::BOOL:
      return handler.boolean(element.get_bool().value_unsafe());
    case dom::element_type::NULL_VALUE:
      return handler.null();
  }
  return false;
}

}  // namespace

bool sax_parse(const std::string& text, json::json_sax_t& handler) {
  // simdjson reads up to simdjson::SIMDJSON_PADDING bytes past the end: a text from
  // read_file() has that room (kReadSlack), any other is copied first.
  static_assert(kReadSlack >= simdjson::SIMDJSON_PADDING, "read_file() leaves simdjson its padding");
  const bool padded = text.capacity() - text.size() >= simdjson::SIMDJSON_PADDING;
  dom::parser parser;
  dom::element root;
  if (parser.parse(text.data(), text.size(), !padded).get(root) != simdjson::SUCCESS)
    return json::sax_parse(text, &handler);
  std::string scratch;  // each string and key, handed to the handler to move from
  return replay(root, handler, scratch);
}

}  // namespace ptest
