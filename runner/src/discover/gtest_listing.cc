#include "discover/gtest_listing.h"

#include <nlohmann/json.hpp>

namespace ptest {

namespace {

bool starts_with(const std::string& text, const char* prefix) { return text.rfind(prefix, 0) == 0; }

}  // namespace

std::vector<ListedCase> parse_gtest_listing(const std::string& json_text) {
  using nlohmann::json;
  std::vector<ListedCase> cases;
  try {
    const json document = json::parse(json_text);
    for (const json& suite : document.at("testsuites")) {
      const std::string suite_name = suite.at("name").get<std::string>();
      for (const json& test : suite.at("testsuite")) {
        ListedCase listed;
        listed.suite = suite_name;
        const std::string test_name = test.at("name").get<std::string>();
        listed.name = suite_name + "." + test_name;
        listed.file = test.value("file", "");
        listed.line = test.value("line", 0);
        listed.disabled = starts_with(suite_name, "DISABLED_") || starts_with(test_name, "DISABLED_");
        cases.push_back(std::move(listed));
      }
    }
  } catch (const json::exception& error) {
    throw ListingError(std::string("unexpected test listing: ") + error.what());
  }
  return cases;
}

}  // namespace ptest
