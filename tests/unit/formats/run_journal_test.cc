// The run journal's lines, read back; a last line cut short by a killed
// writer is skipped, not an error.
#include "formats/run_journal.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "test_support/process_test_support.h"
#include "util/atomic_file.h"

using namespace ptest;
using ptest::testing::ScratchDir;

namespace {

std::string write(const ScratchDir& dir, const std::string& text) {
  const std::string path = dir.path() + "/journal.jsonl";
  std::ofstream(path) << text;
  return path;
}

TEST(RunJournal, AJournalWithoutItsLastLineTellsWhatDidNotFinish) {
  ScratchDir dir;
  const std::string text = journal_run_started("uid1", {"b::A.One", "b::A.Two", "b::A.Three"}) +
                           journal_case_finished("b::A.Two", "passed", 0.5) +
                           journal_case_finished("b::A.One", "failed", 0.1) + "{\"$report_type\": \"CaseFin";
  const JournalContents contents = read_journal(write(dir, text));
  EXPECT_EQ(contents.testrun_uid, "uid1");
  EXPECT_FALSE(contents.run_finished);
  EXPECT_EQ(contents.not_finished(), std::vector<std::string>{"b::A.Three"});
}

TEST(RunJournal, AFinishedRunSaysSo) {
  ScratchDir dir;
  const JournalContents contents =
      read_journal(write(dir, journal_run_started("uid", {"b::A.One"}) + journal_run_finished(true)));
  EXPECT_TRUE(contents.run_finished);
  EXPECT_EQ(contents.not_finished(), std::vector<std::string>{"b::A.One"});
}

TEST(RunJournal, EachRecordIsOneLineOfJson) {
  EXPECT_EQ(journal_case_finished("b::Odd\n\"Name\"", "passed", 0.25),
            "{\"$report_type\":\"CaseFinished\",\"duration\":0.25,\"id\":\"b::Odd\\u000a\\\"Name\\\"\",\"outcome\":\"passed\"}\n");
}

// Written by hand, each line is the JSON of its record, one line each.
TEST(RunJournal, EachLineIsTheJsonOfItsRecord) {
  const nlohmann::json started = nlohmann::json::parse(journal_run_started("uid\\1", {"b::A", "b::\"B\"\t"}));
  EXPECT_EQ(started, (nlohmann::json{{"$report_type", "RunStarted"},
                                     {"testrun_uid", "uid\\1"},
                                     {"selected", {"b::A", "b::\"B\"\t"}}}));
  const nlohmann::json finished = nlohmann::json::parse(journal_case_finished("b::A", "crashed", 1.5e-06));
  EXPECT_EQ(finished["duration"].get<double>(), 1.5e-06);
  EXPECT_EQ(nlohmann::json::parse(journal_run_finished(true)),
            (nlohmann::json{{"$report_type", "RunFinished"}, {"interrupted", true}}));
  EXPECT_EQ(nlohmann::json::parse(journal_run_started("u", {})), (nlohmann::json{{"$report_type", "RunStarted"},
                                                                                 {"testrun_uid", "u"},
                                                                                 {"selected", nlohmann::json::array()}}));
  for (const std::string& line : {journal_run_started("u", {"a", "b"}), journal_case_finished("a", "passed", 0.1),
                                  journal_run_finished(false)})
    EXPECT_EQ(line.find('\n'), line.size() - 1) << line;
}

// A killed run writes no last-run file: its journal tells --lf what failed as
// well as what did not finish.
TEST(RunJournal, WhatToRunAgainIsWhatFailedAndWhatDidNotFinishInTheRunsOrder) {
  const JournalContents contents =
      parse_journal(journal_run_started("u", {"b::A", "b::B", "b::C", "b::D", "b::E"}) +
                    journal_case_finished("b::A", "passed", 0.1) + journal_case_finished("b::B", "failed", 0.1) +
                    journal_case_finished("b::C", "crashed", 0.1) + journal_case_finished("b::E", "skipped", 0));
  EXPECT_EQ(contents.failed, (std::set<std::string>{"b::B", "b::C"}));
  EXPECT_EQ(contents.to_run_again(), (std::vector<std::string>{"b::B", "b::C", "b::D"}));
  EXPECT_EQ(contents.not_finished(), std::vector<std::string>{"b::D"});
}

TEST(RunJournal, GarbageLinesAreSkipped) {
  const JournalContents contents = parse_journal(
      "not json\n[1,2]\n{\"$report_type\": 3}\n{\"$report_type\": \"RunStarted\", \"testrun_uid\": 7, \"selected\": [1]}\n");
  EXPECT_TRUE(contents.selected.empty());
  EXPECT_FALSE(contents.run_finished);
}

TEST(RunJournal, AMissingJournalIsAFileError) {
  EXPECT_THROW(read_journal("/nonexistent/journal.jsonl"), FileError);
}

}  // namespace
