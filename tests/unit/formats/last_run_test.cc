#include "formats/last_run.h"

#include <gtest/gtest.h>

#include <stdexcept>

using namespace ptest;

TEST(LastRun, WhatIsWrittenIsReadBack) {
  LastRun last_run;
  last_run.testrun_uid = "abc";
  last_run.not_run = {"bin::S.A", "bin::S.B"};
  last_run.random_order_seed = 42;
  const LastRun read = parse_last_run(last_run_to_json(last_run));
  EXPECT_EQ(read.testrun_uid, "abc");
  EXPECT_EQ(read.not_run, last_run.not_run);
  EXPECT_EQ(read.random_order_seed, 42u);
  EXPECT_FALSE(parse_last_run(last_run_to_json(LastRun{})).random_order_seed);
}

TEST(LastRun, AFileOfAnotherVersionOrShapeIsAnError) {
  EXPECT_THROW(parse_last_run(R"({"schema_version": 2, "not_run": [], "random_order_seed": null})"), std::exception);
  EXPECT_THROW(parse_last_run(R"({"schema_version": 1})"), std::exception);
  EXPECT_THROW(parse_last_run("[1"), std::exception);
}

TEST(LastRun, AMissingFileIsNoEarlierRunAndNoWarning) {
  const LastRunRead read = read_last_run("/nonexistent/last-run.json");
  EXPECT_FALSE(read.last_run);
  EXPECT_TRUE(read.warning.empty());
}
