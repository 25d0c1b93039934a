#include "formats/json_sax.h"

#include <gtest/gtest.h>

#include <string>

using nlohmann::json;

namespace {

// Writes every event as text, so two parsers' event streams can be compared.
class EventLog : public json::json_sax_t {
 public:
  std::string log;
  std::string error;

  bool null() override { return add("null"); }
  bool boolean(bool value) override { return add(value ? "true" : "false"); }
  bool number_integer(number_integer_t value) override { return add("int " + std::to_string(value)); }
  bool number_unsigned(number_unsigned_t value) override { return add("uint " + std::to_string(value)); }
  bool number_float(number_float_t value, const string_t&) override { return add("float " + json(value).dump()); }
  bool string(string_t& value) override { return add("string " + value); }
  bool binary(binary_t&) override { return add("binary"); }
  bool start_object(std::size_t) override { return add("{"); }
  bool key(string_t& key) override { return add("key " + key); }
  bool end_object() override { return add("}"); }
  bool start_array(std::size_t) override { return add("["); }
  bool end_array() override { return add("]"); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& failure) override {
    error = failure.what();
    return false;
  }

 private:
  bool add(const std::string& event) {
    log += event + "\n";
    return true;
  }
};

std::string nlohmanns_events(const std::string& text) {
  EventLog events;
  json::sax_parse(text, &events);
  return events.log + events.error;
}

std::string our_events(const std::string& text) {
  EventLog events;
  ptest::sax_parse(text, events);
  return events.log + events.error;
}

}  // namespace

TEST(JsonSax, GivesTheSameEventsAsNlohmannsParser) {
  for (const std::string text : {
           R"({"a": [1, -2, 2.5, 1e3, "x\u00e9\"", null, true, false, {}, []], "b": {"c": "d"}, "a": 0})",
           R"([18446744073709551615, -9223372036854775808, 0.1, "", "tab\there"])",
           R"("just a string")",
           "  {\"keys\": {\"\": 1, \"two words\": 2}}  \n",
       })
    EXPECT_EQ(our_events(text), nlohmanns_events(text)) << text;
}

// What counts as JSON, and what a user is told when it is not, stay
// nlohmann's: simdjson's refusals go to nlohmann's parser.
TEST(JsonSax, TextThatIsNotJsonGetsNlohmannsErrorWithItsPosition) {
  for (const std::string text : {std::string("{\"a\": [1, 2,]}"), std::string("{\"a\": 1} trailing"),
                                 std::string("{\"a\": \"\xff\"}"), std::string("")}) {
    EventLog events;
    EXPECT_FALSE(ptest::sax_parse(text, events)) << text;
    EXPECT_NE(events.error.find("parse error at line 1"), std::string::npos) << events.error;
    EXPECT_EQ(our_events(text), nlohmanns_events(text)) << text;
  }
}

TEST(JsonSax, AHandlerThatStopsStopsTheParse) {
  struct StopAtKey : EventLog {
    bool key(string_t&) override { return false; }
  } handler;
  EXPECT_FALSE(ptest::sax_parse(R"({"a": 1, "b": 2})", handler));
  EXPECT_EQ(handler.log, "{\n");
}

// read_file() leaves room past the end so simdjson parses in place; a text
// with room and one without give the same events.
TEST(JsonSax, ATextWithOrWithoutRoomPastItsEndReadsTheSame) {
  const std::string document = R"({"cases": [{"id": "bin::Suite.Name", "line": 12, "markers": ["smoke", "unit"]}]})";
  std::string roomy = document;
  roomy.reserve(document.size() + 256);
  std::string tight(document.begin(), document.end());
  tight.shrink_to_fit();
  EXPECT_EQ(our_events(roomy), nlohmanns_events(document));
  EXPECT_EQ(our_events(tight), nlohmanns_events(document));
}
