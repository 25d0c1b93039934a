// Reading a large JSON text into structs without building a tree of it:
// the manifest and the history (20,000 cases: megabytes) go through SAX
// handlers. nlohmann's lexer reads a character at a time and was half of
// the cost of loading a 20,000-case manifest; simdjson parses the same text
// an order of magnitude faster. This reads the text with simdjson's
// On-Demand front end and hands it on as nlohmann's SAX events, so a handler
// stays one plain class, and falls back to nlohmann's own parser for any
// text simdjson refuses: the error a user sees (with its line and column)
// and what counts as valid JSON stay nlohmann's.
//
// For readers in formats/ only: the JSON types stay inside this folder.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>

namespace ptest {

// As nlohmann::json::sax_parse(text, handler): false if the text is not
// JSON (the handler's parse_error was called) or a handler returned false.
// simdjson finds a fault only when it reaches it, after the handler has had
// the events before it; then nlohmann parses the text again into a second
// handler. So `fresh_handler` makes a handler, and what it fills, anew on
// each call; the last one made holds the result.
bool sax_parse(const std::string& text, const std::function<nlohmann::json::json_sax_t&()>& fresh_handler);

}  // namespace ptest
