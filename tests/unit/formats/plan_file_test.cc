#include "formats/plan_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "model/errors.h"

using namespace ptest;

namespace {

std::string temporary_file(const std::string& content) {
  const std::string path = ::testing::TempDir() + "plan_file_test_" + std::to_string(::getpid()) + ".json";
  std::ofstream(path) << content;
  return path;
}

std::string read_error(const std::string& path) {
  try {
    read_plan(path);
  } catch (const UserError& error) {
    return error.what();
  }
  ADD_FAILURE() << "no UserError";
  return {};
}

}  // namespace

TEST(PlanFile, ReadsWhatItWrote) {
  PlanFile plan;
  plan.manifest_digest = "m";
  plan.digest = "d";
  plan.dist = "loadscope";
  plan.shard_ids = {{"a::S.T", "a::S.U"}, {}};
  plan.estimated_seconds = {1.5, 0};
  const std::string path = temporary_file(plan_to_json(plan));
  const PlanFile read = read_plan(path);
  EXPECT_EQ(read.manifest_digest, "m");
  EXPECT_EQ(read.digest, "d");
  EXPECT_EQ(read.dist, "loadscope");
  EXPECT_EQ(read.shard_ids, plan.shard_ids);
  EXPECT_EQ(read.estimated_seconds, plan.estimated_seconds);
  ::unlink(path.c_str());
}

TEST(PlanFile, AFileThatIsNotAPlanIsAOneLineError) {
  const std::string report = temporary_file("{\"ptest_version\": \"0.1.0\", \"cases\": []}");
  EXPECT_EQ(read_error(report), "plan '" + report + "': not a ptest plan");
  std::ofstream(report) << "{\"kind\": \"ptest-plan\", \"schema_version\": 7}";
  EXPECT_EQ(read_error(report), "plan '" + report + "': schema_version is not 1");
  ::unlink(report.c_str());
  EXPECT_NE(read_error("/nonexistent/plan.json").find("plan '/nonexistent/plan.json': "), std::string::npos);
}
