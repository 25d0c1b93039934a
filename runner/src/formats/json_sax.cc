#include "formats/json_sax.h"

#include <simdjson.h>

#include <cstdint>
#include <string_view>

#include "util/atomic_file.h"

namespace ptest {

namespace {

using nlohmann::json;
namespace od = simdjson::ondemand;

// Replays one value and what it holds, depth first, as SAX events, reading
// the text as it goes (simdjson's On-Demand front end: no tree of the whole
// document is built; the DOM's tape and string copies were half of the cost
// of loading a 20,000-case manifest, mostly in page faults). Returns false as
// soon as the handler does, or when simdjson finds the text is not JSON; then
// `error` says so.
bool replay(od::value value, json::json_sax_t& handler, std::string& text, simdjson::error_code& error) {
  od::json_type type;
  if ((error = value.type().get(type))) return false;
  switch (type) {
    case od::json_type::object: {
      od::object object;
      if ((error = value.get_object().get(object))) return false;
      if (!handler.start_object(static_cast<std::size_t>(-1))) return false;  // nlohmann's "unknown"
      for (auto field : object) {
        std::string_view key;
        if ((error = field.unescaped_key().get(key))) return false;
        text.assign(key);
        if (!handler.key(text)) return false;
        od::value member;
        if ((error = field.value().get(member))) return false;
        if (!replay(member, handler, text, error)) return false;
      }
      return handler.end_object();
    }
    case od::json_type::array: {
      od::array array;
      if ((error = value.get_array().get(array))) return false;
      std::size_t count = 0;  // a cheap skip over the array's structure; readers reserve by it
      if ((error = array.count_elements().get(count))) return false;
      if (!handler.start_array(count)) return false;
      for (auto item : array) {
        od::value element;
        if ((error = item.get(element))) return false;
        if (!replay(element, handler, text, error)) return false;
      }
      return handler.end_array();
    }
    case od::json_type::string: {
      std::string_view string;
      if ((error = value.get_string().get(string))) return false;
      text.assign(string);
      return handler.string(text);
    }
    case od::json_type::number: {
      od::number_type kind;
      if ((error = value.get_number_type().get(kind))) return false;
      if (kind == od::number_type::floating_point_number) {
        double number = 0;
        if ((error = value.get_double().get(number))) return false;
        // nlohmann passes the number's text too; no handler of ours reads it.
        static const std::string no_text;
        return handler.number_float(number, no_text);
      }
      if (kind == od::number_type::unsigned_integer) {
        std::uint64_t number = 0;
        if ((error = value.get_uint64().get(number))) return false;
        return handler.number_unsigned(number);
      }
      // nlohmann calls a number without a minus sign unsigned.
      std::int64_t number = 0;
      if ((error = value.get_int64().get(number))) return false;
      if (number >= 0) return handler.number_unsigned(static_cast<std::uint64_t>(number));
      return handler.number_integer(number);
    }
    case od::json_type::boolean: {
      bool flag = false;
      if ((error = value.get_bool().get(flag))) return false;
      return handler.boolean(flag);
    }
    case od::json_type::null: {
      bool is_null = false;
      if ((error = value.is_null().get(is_null))) return false;
      if (!is_null) return (error = simdjson::INCORRECT_TYPE), false;
      return handler.null();
    }
  }
  error = simdjson::INCORRECT_TYPE;
  return false;
}

}  // namespace

bool sax_parse(const std::string& text, const std::function<json::json_sax_t&()>& fresh_handler) {
  // simdjson reads up to simdjson::SIMDJSON_PADDING bytes past the end: a text from
  // read_file() has that room (kReadSlack), any other is copied first.
  static_assert(kReadSlack >= simdjson::SIMDJSON_PADDING, "read_file() leaves simdjson its padding");
  simdjson::padded_string copy;
  simdjson::padded_string_view input(text.data(), text.size(), text.capacity());
  if (text.capacity() - text.size() < simdjson::SIMDJSON_PADDING) {
    copy = simdjson::padded_string(text);
    input = copy;
  }
  od::parser parser;
  od::document document;
  od::value root;
  // On-Demand reads a document whose root is an object or an array (the
  // readers want an object); nlohmann tells any other text's fault.
  if (!parser.iterate(input).get(document) && !document.get_value().get(root)) {
    json::json_sax_t& handler = fresh_handler();
    std::string scratch;  // each string and key, handed to the handler to move from
    simdjson::error_code error = simdjson::SUCCESS;
    if (replay(root, handler, scratch, error)) {
      // Past the root's last token, nothing may follow it.
      if (document.current_location().error() == simdjson::OUT_OF_BOUNDS) return true;
    } else if (error == simdjson::SUCCESS) {
      return false;  // the handler stopped: its verdict stands
    }
  }
  // Not JSON (or JSON simdjson cannot read, as an integer beyond 64 bits):
  // what the first handler received is dropped, and nlohmann parses into a
  // fresh one, so the error a user sees and what counts as JSON stay its.
  return json::sax_parse(text, &fresh_handler());
}

}  // namespace ptest
