#include "formats/manifest.h"

#include <gtest/gtest.h>

#include "test_support.h"

using namespace ptest;
using ptest::testing::make_case;
using ptest::testing::make_manifest;

namespace {

// A manifest with every field of every object, as manifest_to_json writes it:
// compact, fields in a fixed order, an empty group as null, a `slow` only
// where a case has one.
const char* const kEveryField =
    R"({"schema_version":1,"markers":[{"name":"db","description":"needs the \"database\""}],)"
    R"("fixtures":[{"name":"db","setup":["/bin/db","up"],"cleanup":[],"working_directory":"/srv"}],)"
    R"("targets":[{"name":"math","framework":"gtest","executable":"/b/math","arguments":["--x","y z"],)"
    R"("working_directory":"/b","environment":{"Z":"1","A":"tab\there"},"fixtures":["db"],)"
    R"("launcher":["valgrind","-q"],"skip_return_code":0},)"
    R"({"name":"script","framework":"plain","executable":"/b/check.sh","arguments":[],"working_directory":"",)"
    R"("environment":{},"fixtures":[],"launcher":[],"skip_return_code":77}],)"
    R"("cases":[{"id":"math::Arith.Adds","target":"math","name":"Arith.Adds","suite":"Arith",)"
    R"("file":"/src/math_test.cc","line":6,"markers":["db","smoke"],"group":"g1","timeout":2.5,"disabled":false,"reruns":2,"slow":0.3},)"
    R"({"id":"script::check","target":"script","name":"check","suite":"","file":"","line":0,"markers":[],)"
    R"("group":null,"timeout":0.0,"disabled":true,"reruns":0}]})"
    "\n";

// A manifest with one target "b" and one case, with `case_fields` added to the case.
std::string with_case_fields(const std::string& case_fields) {
  return R"({"schema_version": 1, "targets": [{"name": "b", "executable": "/b"}],
             "cases": [{"id": "b::A.B", "target": "b", "name": "A.B", "suite": "A")" +
         case_fields + "}]}";
}

// A manifest with one target, with `target_fields` added to it, and no cases.
std::string with_target_fields(const std::string& target_fields) {
  return R"({"schema_version": 1, "cases": [], "targets": [{"name": "b", "executable": "/b")" + target_fields +
         "}]}";
}

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

TEST(Manifest, ReadsAFieldOfEachKind) {
  const Manifest manifest = parse_manifest(kEveryField, "m.json");
  ASSERT_EQ(manifest.markers.size(), 1u);
  EXPECT_EQ(manifest.markers[0].name, "db");
  EXPECT_EQ(manifest.markers[0].description, "needs the \"database\"");
  ASSERT_EQ(manifest.fixtures.size(), 1u);
  EXPECT_EQ(manifest.fixtures[0].name, "db");
  EXPECT_EQ(manifest.fixtures[0].setup, (std::vector<std::string>{"/bin/db", "up"}));
  EXPECT_TRUE(manifest.fixtures[0].cleanup.empty());
  EXPECT_EQ(manifest.fixtures[0].working_directory, "/srv");
  ASSERT_EQ(manifest.targets.size(), 2u);
  const Target& math = manifest.targets[0];
  EXPECT_EQ(math.name, "math");
  EXPECT_EQ(math.framework, Framework::gtest);
  EXPECT_EQ(math.executable, "/b/math");
  EXPECT_EQ(math.arguments, (std::vector<std::string>{"--x", "y z"}));
  EXPECT_EQ(math.working_directory, "/b");
  EXPECT_EQ(math.environment,
            (std::vector<std::pair<std::string, std::string>>{{"Z", "1"}, {"A", "tab\there"}}));  // file order
  EXPECT_EQ(math.fixtures, (std::vector<std::string>{"db"}));
  EXPECT_EQ(manifest.targets[1].framework, Framework::plain);
  ASSERT_EQ(manifest.cases.size(), 2u);
  const TestCase& adds = manifest.cases[0];
  EXPECT_EQ(adds.id, "math::Arith.Adds");
  EXPECT_EQ(adds.target, 0u);
  EXPECT_EQ(adds.name, "Arith.Adds");
  EXPECT_EQ(adds.suite, "Arith");
  EXPECT_EQ(adds.file, "/src/math_test.cc");
  EXPECT_EQ(adds.line, 6);
  EXPECT_EQ(adds.markers, (std::vector<std::string>{"db", "smoke"}));
  EXPECT_EQ(adds.group, "g1");
  EXPECT_DOUBLE_EQ(adds.timeout, 2.5);
  EXPECT_FALSE(adds.disabled);
  EXPECT_EQ(adds.reruns, 2);
  EXPECT_DOUBLE_EQ(adds.slow, 0.3);
  EXPECT_DOUBLE_EQ(manifest.cases[1].slow, 0);
  EXPECT_EQ(manifest.cases[1].target, 1u);
  EXPECT_EQ(manifest.cases[1].group, "");
  EXPECT_TRUE(manifest.cases[1].disabled);
}

TEST(Manifest, WritesCompactJsonWithFieldsInAFixedOrder) {
  EXPECT_EQ(manifest_to_json(parse_manifest(kEveryField, "m.json")), kEveryField);
}

TEST(Manifest, ASlowPeriodIsWrittenOnlyForACaseThatHasOne) {
  const Manifest zero = parse_manifest(with_case_fields(R"(, "slow": 0)"), "m.json");
  EXPECT_DOUBLE_EQ(zero.cases[0].slow, 0);
  EXPECT_EQ(manifest_to_json(zero).find("\"slow\""), std::string::npos) << manifest_to_json(zero);
  Manifest set = zero;
  set.cases[0].slow = 120;
  EXPECT_NE(manifest_to_json(set).find(R"("reruns":0,"slow":120.0})"), std::string::npos) << manifest_to_json(set);
  EXPECT_EQ(error_of(with_case_fields(R"(, "slow": -1)")), "manifest 'm.json': /cases/0/slow: expected a number >= 0");
}

TEST(Manifest, EachFrameworkReadsBackAsWritten) {
  for (const char* name : {"gtest", "plain", "catch2", "doctest"}) {
    const Manifest manifest = parse_manifest(with_target_fields(std::string(R"(, "framework": ")") + name + "\""), "m.json");
    EXPECT_STREQ(framework_name(manifest.targets[0].framework), name);
  }
}

TEST(Manifest, FrameworkDefaultsToGtest) {
  EXPECT_EQ(parse_manifest(with_target_fields(""), "m.json").targets[0].framework, Framework::gtest);
  EXPECT_EQ(error_of(with_target_fields(R"(, "framework": "boost")")),
            "manifest 'm.json': /targets/0/framework: expected \"gtest\", \"plain\", \"catch2\" or \"doctest\"");
  EXPECT_EQ(error_of(with_target_fields(R"(, "framework": ["plain"])")),
            "manifest 'm.json': /targets/0/framework: expected \"gtest\", \"plain\", \"catch2\" or \"doctest\"");
}

TEST(Manifest, NullReadsAsEmptyWhereAllowed) {
  const Manifest manifest =
      parse_manifest(with_case_fields(R"(, "file": null, "group": null)"), "m.json");
  EXPECT_EQ(manifest.cases[0].file, "");
  EXPECT_EQ(manifest.cases[0].group, "");
  EXPECT_EQ(parse_manifest(with_target_fields(R"(, "working_directory": null)"), "m.json").targets[0].working_directory,
            "");
  EXPECT_EQ(error_of(with_target_fields(R"(, "executable": null)")),
            "manifest 'm.json': /targets/0/executable: expected a string");
}

TEST(Manifest, MarkersAreSortedWithoutDuplicates) {
  EXPECT_EQ(parse_manifest(with_case_fields(R"(, "markers": ["unit", "db", "unit"])"), "m.json").cases[0].markers,
            (std::vector<std::string>{"db", "unit"}));
}

TEST(Manifest, CasesMayComeBeforeTheirTargets) {
  const Manifest manifest = parse_manifest(R"({"schema_version": 1,
      "cases": [{"id": "b::A.B", "target": "b", "name": "A.B", "suite": "A"},
                {"id": "a::A.B", "target": "a", "name": "A.B", "suite": "A"},
                {"id": "b::A.C", "target": "b", "name": "A.C", "suite": "A"}],
      "targets": [{"name": "a", "executable": "/a"}, {"name": "b", "executable": "/b"}]})",
                                           "m.json");
  ASSERT_EQ(manifest.cases.size(), 3u);
  EXPECT_EQ(manifest.cases[0].target, 1u);
  EXPECT_EQ(manifest.cases[1].target, 0u);
  EXPECT_EQ(manifest.cases[2].target, 1u);
}

TEST(Manifest, WrongTypeOfEachKindIsNamedByJsonPointer) {
  const std::string prefix = "manifest 'm.json': ";
  EXPECT_EQ(error_of(with_case_fields(R"(, "suite": 5)")), prefix + "/cases/0/suite: expected a string");
  EXPECT_EQ(error_of(with_case_fields(R"(, "group": {})")), prefix + "/cases/0/group: expected a string");
  EXPECT_EQ(error_of(with_case_fields(R"(, "line": "6")")), prefix + "/cases/0/line: expected a number >= 0");
  EXPECT_EQ(error_of(with_case_fields(R"(, "line": 2e9)")), prefix + "/cases/0/line: expected a line number");
  EXPECT_EQ(error_of(with_case_fields(R"(, "timeout": null)")), prefix + "/cases/0/timeout: expected a number >= 0");
  EXPECT_EQ(error_of(with_case_fields(R"(, "disabled": "yes")")), prefix + "/cases/0/disabled: expected true or false");
  EXPECT_EQ(error_of(with_case_fields(R"(, "markers": "smoke")")),
            prefix + "/cases/0/markers: expected an array of strings");
  EXPECT_EQ(error_of(with_case_fields(R"(, "target": 0)")), prefix + "/cases/0/target: expected a string");
  EXPECT_EQ(error_of(with_target_fields(R"(, "environment": ["K=v"])")),
            prefix + "/targets/0/environment: expected an object of strings");
  EXPECT_EQ(error_of(with_target_fields(R"(, "environment": {"K": {}})")),
            prefix + "/targets/0/environment: expected an object of strings");
  EXPECT_EQ(error_of(with_target_fields(R"(, "fixtures": "db")")),
            prefix + "/targets/0/fixtures: expected an array of strings");
  EXPECT_EQ(error_of(with_target_fields(R"(, "arguments": [["-v"]])")),
            prefix + "/targets/0/arguments: expected an array of strings");
  EXPECT_EQ(error_of(R"({"schema_version": 1, "targets": [], "cases": [], "markers": [{"name": "db"}, 5]})"),
            prefix + "/markers/1: expected an object");
  EXPECT_EQ(error_of(R"({"schema_version": 1, "targets": [], "cases": [], "markers": [{"description": false}]})"),
            prefix + "/markers/0/description: expected a string");
  EXPECT_EQ(error_of(R"({"schema_version": 1, "targets": [], "cases": [], "fixtures": [{}, {"setup": "up"}]})"),
            prefix + "/fixtures/1/setup: expected an array of strings");
  EXPECT_EQ(error_of(R"({"schema_version": 1, "targets": [], "cases": [], "fixtures": [{}, {"cleanup": [[]]}]})"),
            prefix + "/fixtures/1/cleanup: expected an array of strings");
  EXPECT_EQ(error_of(R"({"schema_version": 1, "targets": [], "cases": [], "fixtures": {}})"),
            prefix + "/fixtures: expected an array");
  EXPECT_EQ(error_of(R"({"schema_version": [1], "targets": [], "cases": []})"),
            prefix + "/schema_version: expected an integer");
}

TEST(Manifest, FirstMissingFieldIsNamed) {
  EXPECT_EQ(error_of(R"({"schema_version": 1, "targets": [{"executable": "/b"}], "cases": []})"),
            "manifest 'm.json': /targets/0/name: missing");
  // A case's own fields before the target it names.
  EXPECT_EQ(error_of(R"({"schema_version": 1, "targets": [], "cases": [{"id": "x", "name": "A.B"}]})"),
            "manifest 'm.json': /cases/0/suite: missing");
  EXPECT_EQ(error_of(R"({"schema_version": 1, "targets": [], "cases": [{"id": "x", "name": "A.B", "suite": "A"}]})"),
            "manifest 'm.json': /cases/0/target: missing");
  EXPECT_EQ(error_of(R"({"schema_version": 1, "targets": []})"), "manifest 'm.json': /cases: missing");
}

TEST(Manifest, TargetNamesAreUnique) {
  EXPECT_EQ(error_of(R"({"schema_version": 1, "cases": [],
                        "targets": [{"name": "b", "executable": "/b"}, {"name": "b", "executable": "/c"}]})"),
            "manifest 'm.json': /targets/1/name: target 'b' appears twice");
}

TEST(Manifest, TopLevelFieldsAreCheckedOnlyOnceTheTextIsJson) {
  EXPECT_EQ(error_of(R"({"targets": [], "cases": []} trailing)").rfind("manifest 'm.json': not valid JSON: ", 0), 0u);
}

TEST(Manifest, UnknownFieldsOfMarkersAndFixturesAreIgnored) {
  const Manifest manifest = parse_manifest(R"({"schema_version": 1, "targets": [], "cases": [],
      "markers": [{"name": "db", "aliases": ["database"], "since": {"version": 2}}],
      "fixtures": [{"name": "up", "env": {"K": "v"}, "setup": ["/bin/up"], "retries": [1, 2]}]})",
                                           "m.json");
  ASSERT_EQ(manifest.markers.size(), 1u);
  EXPECT_EQ(manifest.markers[0].name, "db");
  ASSERT_EQ(manifest.fixtures.size(), 1u);
  EXPECT_EQ(manifest.fixtures[0].setup, (std::vector<std::string>{"/bin/up"}));
}
