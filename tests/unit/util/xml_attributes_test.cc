#include "util/xml_attributes.h"

#include <gtest/gtest.h>

using namespace ptest;

namespace {

TEST(XmlAttributes, TheTagNameOfALineAndItsClosingForm) {
  EXPECT_EQ(xml_tag_name("    <TestCase name=\"x\">\n"), "TestCase");
  EXPECT_EQ(xml_tag_name("  </TestCase>"), "/TestCase");
  EXPECT_EQ(xml_tag_name("<OverallResult success=\"true\"/>"), "OverallResult");
  EXPECT_EQ(xml_tag_name("hello <TestCase"), "");
}

TEST(XmlAttributes, ValuesAreDecoded) {
  const char* line = R"(<TestCase name="a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#233;&#x41;" line="7">)";
  EXPECT_EQ(xml_attribute(line, "name"), std::optional<std::string>("a & b <c> \"d\" 'e' \xC3\xA9" "A"));
  EXPECT_EQ(xml_attribute(line, "line"), std::optional<std::string>("7"));
  EXPECT_EQ(xml_attribute(line, "tags"), std::nullopt);
  EXPECT_EQ(xml_unescape("5 &unknown; & done"), "5 &unknown; & done");
}

// "filename" must not be found inside "name", nor "line" inside "outline".
TEST(XmlAttributes, AnAttributeIsMatchedByItsWholeName) {
  const char* line = R"(<TestCase filename="f.cc" outline="9" name="n" line="3">)";
  EXPECT_EQ(xml_attribute(line, "name"), std::optional<std::string>("n"));
  EXPECT_EQ(xml_attribute(line, "line"), std::optional<std::string>("3"));
}

}  // namespace
