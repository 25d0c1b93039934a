#include "reports/status_line.h"

#include <gtest/gtest.h>

using namespace ptest;

namespace {

StatusLineInput halfway() {
  StatusLineInput input;
  input.elapsed = 12.34;
  input.done = 50;
  input.total = 100;
  input.failures = 1;
  input.eta = 75;
  input.running = {{0, "Db.Quick", 0.5}, {1, "Db.Migrates", 4.2}};
  input.width = 120;
  return input;
}

}  // namespace

TEST(StatusLine, ABarWithCountFailuresEtaAndTheRunningCasesLongestFirst) {
  EXPECT_EQ(status_line(halfway()),
            "12.3s [==========>         ] 50/100 1 failed ETA 1m15s | gw1 Db.Migrates 4.2s | gw0 Db.Quick 0.5s");
}

TEST(StatusLine, TheCounterIsTheCountAndFailuresAlone) {
  StatusLineInput input = halfway();
  input.mode = ProgressMode::counter;
  EXPECT_EQ(status_line(input), "[50/100] 1 failed");
}

TEST(StatusLine, ItNeverReachesTheLastColumnAndCutsANameRatherThanDropIt) {
  StatusLineInput input = halfway();
  input.width = 76;
  const std::string line = status_line(input);
  EXPECT_EQ(line, "12.3s [==========>         ] 50/100 1 failed ETA 1m15s | gw1 Db.Migra~ 4.2s");
  EXPECT_LT(line.size(), input.width);
  input.width = 40;
  EXPECT_EQ(status_line(input), "12.3s [==========>         ] 50/100");
}

TEST(StatusLine, WithoutAnEtaThereIsNoEtaAndAFinishedBarIsFull) {
  StatusLineInput input = halfway();
  input.eta.reset();
  input.done = 100;
  input.running.clear();
  EXPECT_EQ(status_line(input), "12.3s [====================] 100/100 1 failed");
}

TEST(StatusLine, ColoursAreEscapesAroundPiecesThatTheWidthDoesNotCount) {
  StatusLineInput input = halfway();
  input.color = true;
  input.width = 76;
  const std::string line = status_line(input);
  EXPECT_NE(line.find("\033[31m1 failed\033[0m"), std::string::npos) << line;
  EXPECT_NE(line.find("gw1 Db.Migra~ 4.2s"), std::string::npos) << line;  // the same cut as without colours
}

TEST(StatusLine, ShortDurationsGrowUnitsAsTheyGrow) {
  EXPECT_EQ(short_duration(4.25), "4.2s");
  EXPECT_EQ(short_duration(65), "1m05s");
  EXPECT_EQ(short_duration(3725), "1h02m");
  EXPECT_EQ(short_duration(-1), "0.0s");
}
