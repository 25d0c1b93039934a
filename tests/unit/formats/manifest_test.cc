#include "formats/manifest.h"

#include <gtest/gtest.h>

#include "test_support.h"

using namespace ptest;
using ptest::testing::make_case;
using ptest::testing::make_manifest;

namespace {

std::string error_of(const std::string& text) {
  try {
    parse_manifest(text, "m.json");
  } catch (const ManifestError& error) {
    return error.what();
  }
  return "no error";
}

}  // namespace

TEST(Manifest, RoundTripsEveryField) {
  Manifest manifest = make_manifest(2, {make_case("A", "One", 0, {"smoke", "unit"}, "db"),
                                        make_case("B", "Two", 1)});
  manifest.cases[1].timeout = 2.5;
  manifest.cases[1].disabled = true;
  manifest.targets[1].arguments = {"--flag"};
  manifest.targets[1].environment = {{"KEY", "value \"quoted\""}};
  const Manifest back = parse_manifest(manifest_to_json(manifest), "m.json");
  ASSERT_EQ(back.cases.size(), 2u);
  EXPECT_EQ(back.cases[0].id, "bin0::A.One");
  EXPECT_EQ(back.cases[0].markers, (std::vector<std::string>{"smoke", "unit"}));
  EXPECT_EQ(back.cases[0].group, "db");
  EXPECT_EQ(back.cases[1].target, 1u);
  EXPECT_DOUBLE_EQ(back.cases[1].timeout, 2.5);
  EXPECT_TRUE(back.cases[1].disabled);
  EXPECT_EQ(back.targets[1].arguments, (std::vector<std::string>{"--flag"}));
  EXPECT_EQ(back.targets[1].environment[0].second, "value \"quoted\"");
}

TEST(Manifest, NotJsonSaysSoWithThePosition) {
  EXPECT_EQ(error_of("{\"schema_version\": 1,").rfind("manifest 'm.json': not valid JSON: ", 0), 0u)
      << error_of("{\"schema_version\": 1,");
}

TEST(Manifest, OtherSchemaVersionIsRefused) {
  EXPECT_EQ(error_of(R"({"schema_version": 7, "targets": [], "cases": []})"),
            "manifest 'm.json': schema_version 7 is not supported (this ptest reads 1); "
            "rebuild the project to regenerate it");
}

TEST(Manifest, BadFieldIsNamedByJsonPointer) {
  EXPECT_EQ(error_of(R"({"schema_version": 1, "targets": [{"name": "b", "executable": "/b"}],
                        "cases": [{"id": "b::A.B", "target": "b", "name": "A.B", "suite": "A", "markers": [1]}]})"),
            "manifest 'm.json': /cases/0/markers: expected an array of strings");
  EXPECT_EQ(error_of(R"({"schema_version": 1, "targets": [], "cases": [{"id": "x"}]})"),
            "manifest 'm.json': /cases/0/name: missing");
  EXPECT_EQ(error_of(R"({"schema_version": 1, "targets": [],
                        "cases": [{"id": "b::A.B", "target": "b", "name": "A.B", "suite": "A"}]})"),
            "manifest 'm.json': /cases/0/target: no target named 'b'");
}

TEST(Manifest, UnknownFieldsAreIgnoredWhateverTheirShape) {
  const Manifest manifest = parse_manifest(R"({"schema_version": 1, "future": {"a": [1, {"b": null}]},
      "targets": [{"name": "b", "executable": "/b", "extra": [[]], "environment": {"K": "v"}}],
      "cases": [{"id": "b::A.B", "target": "b", "name": "A.B", "suite": "A", "later": {"x": [true]},
                 "markers": ["slow", "smoke", "slow"], "group": null, "line": 3}]})",
                                           "m.json");
  ASSERT_EQ(manifest.cases.size(), 1u);
  EXPECT_EQ(manifest.cases[0].markers, (std::vector<std::string>{"slow", "smoke"}));
  EXPECT_EQ(manifest.cases[0].line, 3);
  EXPECT_EQ(manifest.targets[0].environment.at(0), (std::pair<std::string, std::string>{"K", "v"}));
}

TEST(Manifest, WrongShapesAreNamedByJsonPointer) {
  EXPECT_EQ(error_of(R"([1, 2])"), "manifest 'm.json': /: expected an object");
  EXPECT_EQ(error_of(R"({"schema_version": 1, "targets": {}, "cases": []})"),
            "manifest 'm.json': /targets: expected an array");
  EXPECT_EQ(error_of(R"({"schema_version": 1, "targets": [{"name": "b", "executable": "/b", "arguments": [1]}],
                        "cases": []})"),
            "manifest 'm.json': /targets/0/arguments: expected an array of strings");
  EXPECT_EQ(error_of(R"({"schema_version": 1, "targets": [{"name": "b", "executable": "/b",
                         "environment": {"K": 1}}], "cases": []})"),
            "manifest 'm.json': /targets/0/environment/K: expected a string");
  EXPECT_EQ(error_of(R"({"schema_version": 1, "targets": [{"name": "b"}], "cases": []})"),
            "manifest 'm.json': /targets/0/executable: missing");
  EXPECT_EQ(error_of(R"({"schema_version": 1, "targets": [], "cases": [7]})"),
            "manifest 'm.json': /cases/0: expected an object");
  EXPECT_EQ(error_of(R"({"schema_version": 1, "targets": [], "cases": [{"id": "x", "timeout": -2}]})"),
            "manifest 'm.json': /cases/0/timeout: expected a number >= 0");
  EXPECT_EQ(error_of(R"({"targets": [], "cases": []})"), "manifest 'm.json': /schema_version: missing");
  EXPECT_EQ(error_of(R"({"schema_version": "1", "targets": [], "cases": []})"),
            "manifest 'm.json': schema_version \"1\" is not supported (this ptest reads 1); "
            "rebuild the project to regenerate it");
}

TEST(Manifest, MissingFileIsAClearError) {
  try {
    read_manifest("/nonexistent/manifest.json");
    FAIL() << "no error";
  } catch (const ManifestError& error) {
    EXPECT_STREQ(error.what(), "manifest '/nonexistent/manifest.json': cannot be read: No such file or directory");
  }
}
