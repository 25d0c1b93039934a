// Reading a large JSON text into structs without building a tree of it:
// the manifest and the history (20,000 cases: megabytes) go through SAX
// handlers. nlohmann's lexer reads a character at a time and was half of
// the cost of loading a 20,000-case manifest; simdjson parses the same text
// an order of magnitude faster. This parses with simdjson and replays its
// document as nlohmann's SAX events, so a handler stays one plain class, and
// falls back to nlohmann's own parser for any text simdjson refuses: the
// error a user sees (with its line and column) and what counts as valid JSON
// stay nlohmann's.
//
// For readers in formats/ only: the JSON types stay inside this folder.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace ptest {

// As nlohmann::json::sax_parse(text, handler): false if the text is not
// JSON (the handler's parse_error was called) or a handler returned false.
bool sax_parse(const std::string& text, nlohmann::json::json_sax_t& handler);

}  // namespace ptest
