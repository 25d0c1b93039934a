#include "ctest_script.h"

#include <gtest/gtest.h>

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
