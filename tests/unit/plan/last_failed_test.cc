#include "plan/last_failed.h"

#include <gtest/gtest.h>

using namespace ptest;

namespace {

const std::vector<std::size_t> kSelected = {0, 1, 2, 3, 4};
const std::vector<bool> kFailed = {false, true, false, true, false};
const std::vector<bool> kNone(5, false);

}  // namespace

TEST(LastFailed, OnlyKeepsTheCasesThatFailedOrNeverFinished) {
  const LastFailedChoice choice = choose_last_failed(kSelected, kFailed, LastFailedMode::only, false);
  EXPECT_EQ(choice.cases, (std::vector<std::size_t>{1, 3}));
  EXPECT_EQ(choice.chosen, 2u);
}

TEST(LastFailed, OnlyKeepsNothingOutsideTheSelection) {
  const LastFailedChoice choice = choose_last_failed({0, 1, 2}, kFailed, LastFailedMode::only, false);
  EXPECT_EQ(choice.cases, (std::vector<std::size_t>{1}));
}

TEST(LastFailed, OnlyRunsEverythingWhenNothingFailedUnlessToldNone) {
  EXPECT_EQ(choose_last_failed(kSelected, kNone, LastFailedMode::only, false).cases, kSelected);
  EXPECT_TRUE(choose_last_failed(kSelected, kNone, LastFailedMode::only, true).cases.empty());
}

TEST(LastFailed, FirstPutsThemFirstAndKeepsTheRestInOrder) {
  const LastFailedChoice choice = choose_last_failed(kSelected, kFailed, LastFailedMode::first, false);
  EXPECT_EQ(choice.cases, (std::vector<std::size_t>{1, 3, 0, 2, 4}));
}

TEST(LastFailed, OffLeavesTheSelectionAlone) {
  EXPECT_EQ(choose_last_failed(kSelected, kFailed, LastFailedMode::off, false).cases, kSelected);
}
