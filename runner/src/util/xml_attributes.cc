#include "util/xml_attributes.h"

#include <cstdlib>

namespace ptest {

namespace {

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
         c == ':' || c == '.';
}

void append_utf8(std::string& out, unsigned long code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

}  // namespace

std::string_view xml_tag_name(std::string_view line) {
  const auto open = line.find_first_not_of(" \t");
  if (open == std::string_view::npos || line[open] != '<') return {};
  std::size_t end = open + 1;
  if (end < line.size() && line[end] == '/') ++end;
  while (end < line.size() && is_name_char(line[end])) ++end;
  return line.substr(open + 1, end - open - 1);
}

std::optional<std::string> xml_attribute(std::string_view line, std::string_view name) {
  // Attributes follow a blank; values are in double quotes (both reporters
  // escape '"' inside them), so a search for ` name="` finds the attribute.
  const std::string key = " " + std::string(name) + "=\"";
  const auto at = line.find(key);
  if (at == std::string_view::npos) return std::nullopt;
  const auto value = at + key.size();
  const auto close = line.find('"', value);
  if (close == std::string_view::npos) return std::nullopt;
  return xml_unescape(line.substr(value, close - value));
}

std::string xml_unescape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto semicolon = text[i] == '&' ? text.find(';', i) : std::string_view::npos;
    if (semicolon == std::string_view::npos || semicolon - i > 10) {
      out += text[i];
      continue;
    }
    const std::string_view entity = text.substr(i + 1, semicolon - i - 1);
    if (entity == "amp") out += '&';
    else if (entity == "lt") out += '<';
    else if (entity == "gt") out += '>';
    else if (entity == "quot") out += '"';
    else if (entity == "apos") out += '\'';
    else if (entity.size() > 1 && entity[0] == '#') {
      const bool hex = entity[1] == 'x' || entity[1] == 'X';
      append_utf8(out, std::strtoul(std::string(entity.substr(hex ? 2 : 1)).c_str(), nullptr, hex ? 16 : 10));
    } else {
      out += text[i];
      continue;
    }
    i = semicolon;
  }
  return out;
}

}  // namespace ptest
