#include "discover/ctest_script.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "test_support.h"

using namespace ptest;
using ptest::testing::make_case;
using ptest::testing::make_manifest;

TEST(CtestScript, BracketArgumentAvoidsItsOwnTerminator) {
  EXPECT_EQ(cmake_bracket("plain"), "[[plain]]");
  EXPECT_EQ(cmake_bracket("a]]b"), "[=[a]]b]=]");
  EXPECT_EQ(cmake_bracket("a]]b]=]c"), "[==[a]]b]=]c]==]");
  EXPECT_EQ(cmake_bracket("ends with ]"), "[=[ends with ]]=]");
}

TEST(CtestScript, EveryMarkerBecomesALabel) {
  const Manifest manifest = make_manifest(1, {make_case("A", "One", 0, {"smoke", "unit"})});
  const std::string script = ctest_script(manifest);
  EXPECT_NE(script.find("add_test([[bin0::A.One]] [[/bin/bin0]] [[--gtest_filter=A.One]])"), std::string::npos)
      << script;
  EXPECT_NE(script.find("LABELS [[smoke;unit]]"), std::string::npos) << script;
}

TEST(CtestScript, GroupTimeoutEnvironmentAndDisabled) {
  Manifest manifest = make_manifest(1, {make_case("A", "One", 0, {}, "db")});
  manifest.cases[0].timeout = 2.5;
  manifest.cases[0].disabled = true;
  manifest.targets[0].environment = {{"A", "1"}, {"B", "2"}};
  manifest.targets[0].arguments = {"--extra"};
  const std::string script = ctest_script(manifest);
  EXPECT_NE(script.find("[[--gtest_filter=A.One]] [[--extra]])"), std::string::npos) << script;
  EXPECT_NE(script.find("RESOURCE_LOCK [[ptest_group_db]]"), std::string::npos) << script;
  EXPECT_NE(script.find("TIMEOUT 2.5"), std::string::npos) << script;
  EXPECT_NE(script.find("ENVIRONMENT [[A=1;B=2]]"), std::string::npos) << script;
  EXPECT_NE(script.find("DISABLED TRUE"), std::string::npos) << script;
  EXPECT_EQ(script.find("LABELS"), std::string::npos) << script;
}

TEST(CtestScript, CasesRunThroughTheLauncherWhenThereIsOne) {
  const Manifest manifest = make_manifest(1, {make_case("A", "One")});
  const std::string script = ctest_script(manifest, {"/opt/bin/ptest", "/b/ptest/workers"});
  EXPECT_NE(script.find("add_test([[bin0::A.One]] [[/opt/bin/ptest]] exec --slots [[/b/ptest/workers]] -- "
                        "[[/bin/bin0]] [[--gtest_filter=A.One]])"),
            std::string::npos)
      << script;
}

TEST(CtestRunnerScript, OneTestPerMarkerSetRunningExactlyItsCases) {
  Manifest manifest = make_manifest(1, {make_case("A", "One", 0, {"smoke", "unit"}), make_case("A", "Two", 0, {"unit"}),
                                        make_case("A", "Three", 0, {"smoke", "unit"}, "db"),
                                        make_case("A", "Four", 0, {"serial", "unit"})});
  const std::string script = ctest_runner_script(manifest, "/opt/ptest", "/b/ptest/manifest.json", 8);
  EXPECT_NE(script.find("add_test([=[bin0::[smoke,unit]]=] [[/opt/ptest]] --manifest [[/b/ptest/manifest.json]] -q -n 2 "
                        "-m [[not serial and smoke and unit]] [[bin0::*]])"),
            std::string::npos)
      << script;
  EXPECT_NE(script.find("set_tests_properties([=[bin0::[smoke,unit]]=] PROPERTIES PROCESSORS 2 LABELS [[smoke;unit]] "
                        "RESOURCE_LOCK [[ptest_group_db]])"),
            std::string::npos)
      << script;
  EXPECT_NE(script.find("-m [[not serial and not smoke and unit]]"), std::string::npos) << script;
  EXPECT_NE(script.find("PROCESSORS 1 LABELS [[serial;unit]] RUN_SERIAL TRUE"), std::string::npos) << script;
  EXPECT_EQ(std::count(script.begin(), script.end(), '\n'), 1 + 3 * 2);  // the comment, then two lines a set
}

TEST(CtestScript, APlainExecutableRunsWithoutAFilterOrGoogleTestsSkipLine) {
  Manifest manifest = make_manifest(1, {make_case("tool", "tool", 0, {"unit"})});
  manifest.targets[0].framework = Framework::plain;
  manifest.targets[0].arguments = {"--quick"};
  const std::string script = ctest_script(manifest);
  EXPECT_NE(script.find("add_test([[bin0::tool.tool]] [[/bin/bin0]] [[--quick]])"), std::string::npos) << script;
  EXPECT_EQ(script.find("--gtest_filter"), std::string::npos) << script;
  EXPECT_EQ(script.find("SKIP_REGULAR_EXPRESSION"), std::string::npos) << script;
  EXPECT_NE(script.find("LABELS [[unit]]"), std::string::npos) << script;
}

TEST(CtestScript, EachFrameworkChoosesItsCaseItsOwnWayUnderTheLauncher) {
  Manifest manifest = make_manifest(1, {make_case("f.cc", "x")});
  manifest.cases[0].name = "adds, [fast]";
  manifest.targets[0].framework = Framework::catch2;
  manifest.targets[0].launcher = {"valgrind", "-q"};
  const std::string script = ctest_script(manifest);
  EXPECT_NE(script.find("[[valgrind]] [[-q]] [[/bin/bin0]] [=[adds\\, \\[fast\\]]=])"), std::string::npos) << script;
  EXPECT_EQ(script.find("SKIP_REGULAR_EXPRESSION"), std::string::npos) << script;
}

TEST(CtestScript, SourceLineAndSkipReturnCode) {
  Manifest manifest = make_manifest(1, {make_case("A", "One")});
  manifest.cases[0].file = "/src/a_test.cc";
  manifest.cases[0].line = 12;
  manifest.targets[0].framework = Framework::plain;
  manifest.targets[0].skip_return_code = 77;
  const std::string script = ctest_script(manifest);
  EXPECT_NE(script.find("DEF_SOURCE_LINE [[/src/a_test.cc:12]]"), std::string::npos) << script;
  EXPECT_NE(script.find("SKIP_RETURN_CODE 77"), std::string::npos) << script;
  EXPECT_NE(script.find("add_test([[bin0::A.One]] [[/bin/bin0]])"), std::string::npos) << script;  // no filter
}
