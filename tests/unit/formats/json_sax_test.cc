#include "formats/json_sax.h"

#include <gtest/gtest.h>

#include <optional>
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

// The events of the last handler sax_parse made, and how many it made.
struct OurEvents {
  bool accepted = false;
  std::string log;
  int handlers = 0;
};

OurEvents parse_with_fresh_handlers(const std::string& text) {
  std::optional<EventLog> events;
  int made = 0;
  const bool accepted = ptest::sax_parse(text, [&]() -> json::json_sax_t& {
    ++made;
    return events.emplace();
  });
  return {accepted, events->log + events->error, made};
}

std::string our_events(const std::string& text) { return parse_with_fresh_handlers(text).log; }

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
    const OurEvents ours = parse_with_fresh_handlers(text);
    EXPECT_FALSE(ours.accepted) << text;
    EXPECT_NE(ours.log.find("parse error at line 1"), std::string::npos) << ours.log;
    EXPECT_EQ(ours.log, nlohmanns_events(text)) << text;
  }
}

// simdjson reads as it goes: a fault past the first values is found after
// the handler had their events. The second handler starts from nothing, so
// no event arrives twice.
TEST(JsonSax, AFaultFoundPartWayGoesToAFreshHandler) {
  const std::string text = R"({"first": [1, 2], "then": [3, 4,]})";
  const OurEvents ours = parse_with_fresh_handlers(text);
  EXPECT_FALSE(ours.accepted);
  EXPECT_EQ(ours.handlers, 2);
  EXPECT_EQ(ours.log, nlohmanns_events(text));
}

// A valid text simdjson cannot read (an integer past 64 bits) is nlohmann's
// to read, as a number, not an error.
TEST(JsonSax, AnIntegerPast64BitsIsReadByNlohmann) {
  const std::string text = R"({"small": 1, "huge": 18446744073709551616})";
  const OurEvents ours = parse_with_fresh_handlers(text);
  EXPECT_TRUE(ours.accepted);
  EXPECT_EQ(ours.log, nlohmanns_events(text));
}

TEST(JsonSax, AValidTextNeedsOneHandler) {
  EXPECT_EQ(parse_with_fresh_handlers(R"({"a": [1, {"b": null}]})").handlers, 1);
}

TEST(JsonSax, AHandlerThatStopsStopsTheParse) {
  struct StopAtKey : EventLog {
    bool key(string_t&) override { return false; }
  };
  std::optional<StopAtKey> handler;
  int made = 0;
  EXPECT_FALSE(ptest::sax_parse(R"({"a": 1, "b": 2})", [&]() -> json::json_sax_t& {
    ++made;
    return handler.emplace();
  }));
  EXPECT_EQ(handler->log, "{\n");
  EXPECT_EQ(made, 1);  // the handler's verdict stands: nlohmann does not parse again
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
