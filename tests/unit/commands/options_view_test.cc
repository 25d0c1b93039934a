// The flags that say how to see the run: --progress, --color, --durations,
// --durations-min, --report-log, --trace.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "commands/options.h"

using namespace ptest;

namespace {

RunOptions parse(const std::vector<std::string>& arguments) { return parse_command_line(arguments).options; }

std::string usage_error(const std::vector<std::string>& arguments) {
  try {
    parse_command_line(arguments);
  } catch (const UsageError& error) {
    return error.what();
  }
  ADD_FAILURE() << "no UsageError";
  return {};
}

}  // namespace

TEST(ViewOptions, DefaultsAreABarAutomaticColourNoDurationsNoLogNoTrace) {
  const RunOptions options = parse({});
  EXPECT_EQ(options.progress, ProgressMode::bar);
  EXPECT_EQ(options.color, ColorMode::auto_);
  EXPECT_FALSE(options.durations);
  EXPECT_DOUBLE_EQ(options.durations_min, 0.005);
  EXPECT_EQ(options.report_log, "");
  EXPECT_EQ(options.trace, "");
  EXPECT_DOUBLE_EQ(options.slow, 60);
}

TEST(ViewOptions, EachFlagIsKeptAsGivenInPytestsSpellings) {
  const RunOptions options = parse({"--progress", "counter", "--color=never", "--durations=5", "--durations-min",
                                    "0.5", "--report-log", "log.jsonl", "--trace", "trace.json"});
  EXPECT_EQ(options.progress, ProgressMode::counter);
  EXPECT_EQ(options.color, ColorMode::never);
  EXPECT_EQ(options.durations, 5u);
  EXPECT_DOUBLE_EQ(options.durations_min, 0.5);
  EXPECT_EQ(options.report_log, "log.jsonl");
  EXPECT_EQ(options.trace, "trace.json");
  EXPECT_EQ(parse({"--durations", "0"}).durations, 0u);
  EXPECT_DOUBLE_EQ(parse({"--slow", "0.5"}).slow, 0.5);
}

TEST(ViewOptions, ABadWordIsAUsageErrorThatListsTheChoices) {
  EXPECT_EQ(usage_error({"--progress", "fancy"}), "argument --progress 'fancy': expected bar, counter or none");
  EXPECT_EQ(usage_error({"--color", "bad"}), "argument --color 'bad': expected auto, always or never");
  EXPECT_EQ(usage_error({"--durations-min", "-1"}), "argument --durations-min: expected seconds >= 0");
  EXPECT_EQ(usage_error({"--slow", "-2"}), "argument --slow: expected seconds >= 0");
}
