// Reading one XML tag as Catch2's and doctest's XML reporters write it, one
// element a line: the tag's name and its attributes, with the entities
// (&amp; &lt; &gt; &quot; &apos; &#N; &#xN;) decoded. Not an XML parser:
// the reporters' output streams while the cases run, and is read line by
// line as it arrives.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ptest {

// The element name of a line holding a tag ("TestCase" for
// `  <TestCase name="x">`, "/TestCase" for `</TestCase>`), or empty when
// the line, leading blanks aside, does not start with '<'.
std::string_view xml_tag_name(std::string_view line);

// The decoded value of attribute `name` in the tag on `line`, if present.
std::optional<std::string> xml_attribute(std::string_view line, std::string_view name);

// `text` with XML's entities decoded.
std::string xml_unescape(std::string_view text);

}  // namespace ptest
