#include "formats/history.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iterator>

using namespace ptest;

namespace {

class HistoryFile : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/ptest-history-XXXXXX";
    ASSERT_NE(::mkdtemp(pattern), nullptr);
    dir_ = pattern;
    path_ = dir_ + "/history.json";
  }
  void TearDown() override { std::system(("rm -rf '" + dir_ + "'").c_str()); }
  void write(const std::string& text) { std::ofstream(path_) << text; }

  std::string dir_, path_;
};

}  // namespace

TEST_F(HistoryFile, MissingFileIsAnEmptyHistoryWithoutWarning) {
  const HistoryRead read = read_history(path_);
  EXPECT_TRUE(read.history.empty());
  EXPECT_TRUE(read.warning.empty());
}

TEST_F(HistoryFile, UpdatesMergeWithWhatIsThere) {
  update_history(path_, read_history(path_), {{"bin::A.One", {0.25, false}}, {"bin::A.Two", {1.5, true}}});
  update_history(path_, read_history(path_), {{"bin::A.Two", {0.75, false}}, {"bin::B.Three", {2, true}}});
  const HistoryRead read = read_history(path_);
  ASSERT_TRUE(read.warning.empty()) << read.warning;
  ASSERT_EQ(read.history.size(), 3u);
  EXPECT_DOUBLE_EQ(read.history.at("bin::A.One").duration, 0.25);
  EXPECT_DOUBLE_EQ(read.history.at("bin::A.Two").duration, 0.75);
  EXPECT_FALSE(read.history.at("bin::A.Two").failed);
  EXPECT_TRUE(read.history.at("bin::B.Three").failed);
}

TEST_F(HistoryFile, CorruptFileIsAWarningAndIsReplacedOnUpdate) {
  write("{\"schema_version\": 1, \"cases\": {\"x\": {\"duration\": \"long\"");
  const HistoryRead read = read_history(path_);
  EXPECT_TRUE(read.history.empty());
  EXPECT_NE(read.warning.find("history '" + path_ + "' is not usable and is ignored"), std::string::npos)
      << read.warning;
  update_history(path_, read, {{"bin::A.One", {0.5, false}}});
  EXPECT_TRUE(read_history(path_).warning.empty());
  EXPECT_EQ(read_history(path_).history.size(), 1u);
}

TEST_F(HistoryFile, ARunThatEndsLaterKeepsWhatAnotherRunWroteMeanwhile) {
  update_history(path_, read_history(path_), {{"bin::A.One", {1, false}}});
  const HistoryRead first = read_history(path_);   // two runs start with the same history
  const HistoryRead second = read_history(path_);
  update_history(path_, first, {{"bin::A.Two", {2, false}}});
  update_history(path_, second, {{"bin::A.Three", {3, true}}});
  const History merged = read_history(path_).history;
  EXPECT_EQ(merged.size(), 3u);
  EXPECT_EQ(merged.count("bin::A.Two"), 1u);
  EXPECT_EQ(merged.count("bin::A.Three"), 1u);
}

TEST_F(HistoryFile, IdsThatNeedEscapingSurvive) {
  const std::string id = "bin::A.\"quoted\"\\back\tslash";
  update_history(path_, read_history(path_), {{id, {0.5, false}}});
  const HistoryRead read = read_history(path_);
  ASSERT_TRUE(read.warning.empty()) << read.warning;
  EXPECT_EQ(read.history.count(id), 1u);
}

TEST_F(HistoryFile, NegativeDurationIsCorrupt) {
  write(R"({"schema_version": 1, "cases": {"x": {"duration": -1, "outcome": "passed"}}})");
  EXPECT_FALSE(read_history(path_).warning.empty());
}

TEST_F(HistoryFile, UnwritableDirectoryIsAFileError) {
  EXPECT_THROW(update_history("/nonexistent/dir/history.json", HistoryRead{}, {{"x", {1, false}}}), std::exception);
}

TEST_F(HistoryFile, DurationsAreWrittenToSixSignificantDigits) {
  update_history(path_, read_history(path_), {{"bin::A.One", {12.3456789, false}}});
  update_history(path_, read_history(path_), {{"bin::A.Two", {1.25e-07, true}}});
  update_history(path_, read_history(path_), {{"bin::A.Three", {3, false}}});
  std::ifstream file(path_);
  const std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find(R"("bin::A.One":{"duration":12.3457,"outcome":"passed"})"), std::string::npos) << text;
  EXPECT_NE(text.find(R"("bin::A.Two":{"duration":1.25e-07,"outcome":"failed"})"), std::string::npos) << text;
  EXPECT_NE(text.find(R"("bin::A.Three":{"duration":3,"outcome":"passed"})"), std::string::npos) << text;
}

TEST_F(HistoryFile, RecentOutcomesAreAppendedRunByRunAndKeptToTheLastTwenty) {
  update_history(path_, read_history(path_), {{"bin::A.One", {0.25, false, "p"}}});
  update_history(path_, read_history(path_), {{"bin::A.One", {0.25, true, "f"}}, {"bin::A.Two", {1, false, "k"}}});
  History history = read_history(path_).history;
  EXPECT_EQ(history.at("bin::A.One").recent, "pf");
  EXPECT_EQ(history.at("bin::A.Two").recent, "k");
  for (int run = 0; run < 25; ++run) update_history(path_, read_history(path_), {{"bin::A.One", {0.25, false, "k"}}});
  history = read_history(path_).history;
  EXPECT_EQ(history.at("bin::A.One").recent, std::string(kRecentRuns, 'k'));
  EXPECT_EQ(history.at("bin::A.Two").recent, "k");  // not in the later runs: unchanged
}

TEST(History, RecentMustBeLettersOfOutcomes) {
  EXPECT_EQ(parse_history(R"({"schema_version":1,"cases":{"x":{"duration":1,"outcome":"passed","recent":"pfk"}}})")
                .at("x")
                .recent,
            "pfk");
  EXPECT_THROW(parse_history(R"({"schema_version":1,"cases":{"x":{"duration":1,"recent":"pxz"}}})"), std::exception);
  EXPECT_EQ(parse_history(R"({"schema_version":1,"cases":{"x":{"duration":1,"outcome":"passed"}}})").at("x").recent,
            "");
}
