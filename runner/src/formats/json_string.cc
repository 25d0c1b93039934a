#include "formats/json_string.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace ptest {

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  if (std::none_of(text.begin(), text.end(),
                   [](char c) { return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20; })) {
    out += text;  // the common case, copied whole: nothing to escape
    out += '"';
    return;
  }
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
      out += escaped;
    } else {
      out += c;
    }
  }
  out += '"';
}

void append_json_number(std::string& out, double number) {
  char text[32];
  const auto written = std::to_chars(text, text + sizeof text, number, std::chars_format::general, 6);
  out.append(text, written.ptr);
}

}  // namespace ptest
