#include "commands/options.h"

#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

using namespace ptest;

namespace {

using Arguments = std::vector<std::string>;

RunOptions parse(const Arguments& arguments) {
  const ParsedCommandLine parsed = parse_command_line(arguments);
  EXPECT_FALSE(parsed.exit_now.has_value());
  return parsed.options;
}

// The UsageError's message, or a failure if there was none.
std::string usage_error(const Arguments& arguments) {
  try {
    parse_command_line(arguments);
  } catch (const UsageError& error) {
    return error.what();
  }
  ADD_FAILURE() << "no UsageError";
  return {};
}

// What --help or --version printed, and the status to exit with.
struct ExitNow {
  std::optional<int> status;
  std::string printed;
};

ExitNow exit_now(const Arguments& arguments) {
  ::testing::internal::CaptureStdout();
  const ParsedCommandLine parsed = parse_command_line(arguments);
  return {parsed.exit_now, ::testing::internal::GetCapturedStdout()};
}

}  // namespace

TEST(CommandLine, NoArgumentsRunEverythingWithAutoWorkersAndNoLimits) {
  const RunOptions options = parse({});
  EXPECT_EQ(options.manifest_path, "");
  EXPECT_EQ(options.workers, 0);
  EXPECT_EQ(options.dist, DistMode::worksteal);
  EXPECT_EQ(options.selection.marker_expression, "");
  EXPECT_EQ(options.selection.keyword_expression, "");
  EXPECT_TRUE(options.selection.id_patterns.empty());
  EXPECT_FALSE(options.collect_only);
  EXPECT_FALSE(options.json);
  EXPECT_FALSE(options.list_markers);
  EXPECT_FALSE(options.timeout.has_value());
  EXPECT_EQ(options.maxfail, 0u);
  EXPECT_FALSE(options.max_worker_restart.has_value());
  EXPECT_EQ(options.junitxml, "");
  EXPECT_EQ(options.report_json, "");
  EXPECT_EQ(options.verbosity, 0);
}

TEST(CommandLine, NumprocessesAutoIsZero) {
  EXPECT_EQ(parse({"-n", "4", "-n", "auto"}).workers, 0);
}

TEST(CommandLine, NumprocessesTakesACountFrom1To4096) {
  EXPECT_EQ(parse({"-n", "1"}).workers, 1);
  EXPECT_EQ(parse({"-n8"}).workers, 8);
  EXPECT_EQ(parse({"--numprocesses", "3"}).workers, 3);
  EXPECT_EQ(parse({"--numprocesses=4096"}).workers, 4096);
}

TEST(CommandLine, NumprocessesThatIsNotACountFrom1To4096IsAUsageError) {
  for (const std::string value : {"0", "4097", "two", "3x", "2.5", ""})
    EXPECT_EQ(usage_error({"-n", value}),
              "argument -n '" + value + "': expected a number of workers from 1 to 4096, or 'auto'");
  EXPECT_EQ(usage_error({"--numprocesses=-1"}),
            "argument -n '-1': expected a number of workers from 1 to 4096, or 'auto'");
}

TEST(CommandLine, MarkerAndKeywordExpressionsAreKeptAsWritten) {
  const RunOptions options = parse({"-m", "smoke and not slow", "-k", "Parser or (db and NOT Slow)"});
  EXPECT_EQ(options.selection.marker_expression, "smoke and not slow");
  EXPECT_EQ(options.selection.keyword_expression, "Parser or (db and NOT Slow)");
}

// PTEST_ADDOPTS comes first, so the command line must win.
TEST(CommandLine, AFlagGivenTwiceTakesItsLastValue) {
  const RunOptions options = parse({"-m", "slow", "-n", "2", "-m", "smoke", "-n", "3"});
  EXPECT_EQ(options.selection.marker_expression, "smoke");
  EXPECT_EQ(options.workers, 3);
}

TEST(CommandLine, EveryDistModeIsAccepted) {
  const std::pair<const char*, DistMode> modes[] = {
      {"worksteal", DistMode::worksteal}, {"load", DistMode::load},           {"loadscope", DistMode::loadscope},
      {"loadfile", DistMode::loadfile},   {"loadgroup", DistMode::loadgroup}, {"no", DistMode::no},
  };
  for (const auto& [name, mode] : modes) EXPECT_EQ(parse({"--dist", name}).dist, mode) << name;
  EXPECT_EQ(parse({"--dist=loadscope"}).dist, DistMode::loadscope);
}

TEST(CommandLine, AnUnknownDistModeIsAUsageErrorListingTheModes) {
  EXPECT_EQ(usage_error({"--dist", "each"}),
            "argument --dist 'each': expected worksteal, load, loadscope, loadfile, loadgroup or no");
  EXPECT_EQ(usage_error({"--dist", "Load"}),
            "argument --dist 'Load': expected worksteal, load, loadscope, loadfile, loadgroup or no");
}

TEST(CommandLine, ExitfirstIsMaxfailOne) {
  EXPECT_EQ(parse({"-x"}).maxfail, 1u);
  EXPECT_EQ(parse({"--exitfirst"}).maxfail, 1u);
}

TEST(CommandLine, MaxfailTakesACount) {
  EXPECT_EQ(parse({"--maxfail", "3"}).maxfail, 3u);
  EXPECT_EQ(parse({"--maxfail=10"}).maxfail, 10u);
}

TEST(CommandLine, MaxfailThatIsNotACountIsAUsageError) {
  EXPECT_EQ(usage_error({"--maxfail", "many"}), "Could not convert: --maxfail = many (see ptest --help)");
}

TEST(CommandLine, MaxWorkerRestartZeroIsKeptApartFromTheDefault) {
  EXPECT_EQ(parse({"--max-worker-restart", "0"}).max_worker_restart, std::optional<std::size_t>(0));
}

TEST(CommandLine, TimeoutTakesSecondsAndZeroMeansNone) {
  EXPECT_EQ(parse({"--timeout", "2.5"}).timeout, std::optional<double>(2.5));
  EXPECT_EQ(parse({"--timeout=0"}).timeout, std::optional<double>(0));
}

TEST(CommandLine, ANegativeTimeoutIsAUsageError) {
  EXPECT_EQ(usage_error({"--timeout=-1"}), "argument --timeout: expected seconds >= 0");
}

TEST(CommandLine, ATimeoutThatIsNotANumberIsAUsageError) {
  EXPECT_EQ(usage_error({"--timeout", "soon"}), "Could not convert: --timeout = soon (see ptest --help)");
}

TEST(CommandLine, ReportPathsAndTheManifestAreKeptAsWritten) {
  const RunOptions options =
      parse({"--junitxml", "out/junit.xml", "--report-json=r.json", "--manifest", "build/ptest/manifest.json"});
  EXPECT_EQ(options.junitxml, "out/junit.xml");
  EXPECT_EQ(options.report_json, "r.json");
  EXPECT_EQ(options.manifest_path, "build/ptest/manifest.json");
}

TEST(CommandLine, CollectOnlyWithJson) {
  const RunOptions options = parse({"--collect-only", "--json"});
  EXPECT_TRUE(options.collect_only);
  EXPECT_TRUE(options.json);
  EXPECT_FALSE(parse({"--collect-only"}).json);
}

TEST(CommandLine, JsonWithoutCollectOnlyIsAUsageError) {
  EXPECT_EQ(usage_error({"--json"}), "argument --json: only with --collect-only");
}

TEST(CommandLine, MarkersListsTheRegistry) {
  EXPECT_TRUE(parse({"--markers"}).list_markers);
}

TEST(CommandLine, VerboseCountsUpAndQuietCountsDown) {
  EXPECT_EQ(parse({"-v"}).verbosity, 1);
  EXPECT_EQ(parse({"-vv"}).verbosity, 2);
  EXPECT_EQ(parse({"--verbose", "-v", "-v"}).verbosity, 3);
  EXPECT_EQ(parse({"-q"}).verbosity, -1);
  EXPECT_EQ(parse({"-v", "-q", "-q"}).verbosity, -1);
  EXPECT_EQ(parse({"--verbose", "--quiet"}).verbosity, 0);
}

TEST(CommandLine, PositionalArgumentsArePatternsInOrderAroundFlags) {
  EXPECT_EQ(parse({"bin::A.*", "-n", "2", "*Parser*", "-x", "b?n::B.T"}).selection.id_patterns,
            (std::vector<std::string>{"bin::A.*", "*Parser*", "b?n::B.T"}));
}

TEST(CommandLine, AfterADoubleDashAPatternMayStartWithADash) {
  EXPECT_EQ(parse({"-x", "--", "-odd*"}).selection.id_patterns, (std::vector<std::string>{"-odd*"}));
}

TEST(CommandLine, AnUnknownFlagIsAUsageError) {
  EXPECT_EQ(usage_error({"--nope"}), "The following argument was not expected: --nope (see ptest --help)");
}

TEST(CommandLine, AFlagWithoutItsValueIsAUsageError) {
  EXPECT_EQ(usage_error({"-x", "--junitxml"}), "--junitxml: 1 required TEXT missing (see ptest --help)");
}

TEST(CommandLine, EveryBadCommandLineIsAOneLineUsageError) {
  const Arguments bad[] = {
      {"-n", "0"},
      {"-n"},
      {"--dist", "x"},
      {"--maxfail", "-"},
      {"--maxfail", "1.5"},
      {"--max-worker-restart", "lots"},
      {"--timeout=-2"},
      {"--timeout", "x"},
      {"--json"},
      {"--collect-only", "--json", "--dist", "every"},
      {"--nope"},
      {"-Z"},
  };
  for (const Arguments& arguments : bad) {
    const std::string message = usage_error(arguments);
    EXPECT_FALSE(message.empty()) << arguments[0];
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  }
}

TEST(CommandLine, VersionPrintsTheVersionAndExitsAtOnceWithZero) {
  const ExitNow version = exit_now({"--version", "-n", "not a count"});
  EXPECT_EQ(version.status, std::optional<int>(0));
  EXPECT_TRUE(std::regex_match(version.printed, std::regex("ptest [0-9]+\\.[0-9]+\\.[0-9]+\n"))) << version.printed;
}

TEST(CommandLine, HelpListsEveryFlagAndExitsAtOnceWithZero) {
  for (const char* flag : {"--help", "-h"}) {
    const ExitNow help = exit_now({flag, "--dist", "not a mode"});
    EXPECT_EQ(help.status, std::optional<int>(0)) << flag;
    // Each flag starts a line of the option list.
    for (const char* listed : {"-h,--help", "--version", "--manifest", "-n,--numprocesses", "--dist", "-m ", "-k ",
                               "--collect-only", "--json", "--markers", "--timeout", "-x,--exitfirst", "--maxfail",
                               "--max-worker-restart", "--junitxml", "--report-json", "-v,--verbose", "-q,--quiet"})
      EXPECT_NE(help.printed.find(std::string("\n  ") + listed), std::string::npos)
          << flag << " does not list " << listed << ":\n" << help.printed;
  }
}

TEST(SplitAddopts, SplitsOnSpacesTabsAndNewlines) {
  EXPECT_EQ(split_addopts("-n 2\t-x\n-v"), (std::vector<std::string>{"-n", "2", "-x", "-v"}));
}

TEST(SplitAddopts, RunsOfWhiteSpaceMakeNoEmptyArguments) {
  EXPECT_EQ(split_addopts("  -x  \t -v  "), (std::vector<std::string>{"-x", "-v"}));
}

TEST(SplitAddopts, AnEmptyOrBlankStringIsNoArguments) {
  EXPECT_TRUE(split_addopts("").empty());
  EXPECT_TRUE(split_addopts(" \t\n").empty());
}

TEST(SplitAddopts, SingleQuotesKeepSpacesInOneArgument) {
  EXPECT_EQ(split_addopts("-m 'smoke and not slow' -x"),
            (std::vector<std::string>{"-m", "smoke and not slow", "-x"}));
}

TEST(SplitAddopts, DoubleQuotesKeepSpacesInOneArgument) {
  EXPECT_EQ(split_addopts("-k \"Parser or  Lexer\""), (std::vector<std::string>{"-k", "Parser or  Lexer"}));
}

TEST(SplitAddopts, EachKindOfQuoteKeepsTheOtherAsWritten) {
  EXPECT_EQ(split_addopts("\"it's\" 'say \"hi\"'"), (std::vector<std::string>{"it's", "say \"hi\""}));
}

TEST(SplitAddopts, AdjacentQuotedAndBarePartsMakeOneArgument) {
  EXPECT_EQ(split_addopts("--junitxml=out'/a b/'\"c d\".xml -x"),
            (std::vector<std::string>{"--junitxml=out/a b/c d.xml", "-x"}));
}

TEST(SplitAddopts, AnEmptyQuotedStringIsAnEmptyArgument) {
  EXPECT_EQ(split_addopts("-k '' \"\""), (std::vector<std::string>{"-k", "", ""}));
}

TEST(SplitAddopts, ABackslashEscapesNothing) {
  EXPECT_EQ(split_addopts("a\\ b 'c\\'"), (std::vector<std::string>{"a\\", "b", "c\\"}));
}

TEST(SplitAddopts, AnUnterminatedQuoteIsAUsageErrorNotAnArgumentToTheEnd) {
  for (const char* text : {"-m 'smoke", "-k \"a b", "x\"", "'"}) {
    try {
      split_addopts(text);
      ADD_FAILURE() << "no UsageError for " << text;
    } catch (const UsageError& error) {
      EXPECT_STREQ(error.what(), "PTEST_ADDOPTS: unterminated quote");
    }
  }
}

TEST(CommandLine, ShardTakesKOfNOrAuto) {
  EXPECT_EQ(parse({"--shard", "2/4"}).shard, "2/4");
  EXPECT_EQ(parse({"--shard", "auto", "--history", "h.json"}).history_path, "h.json");
  EXPECT_EQ(parse({"--shard", "1/2", "--plan", "plan.json"}).plan_path, "plan.json");
}

TEST(CommandLine, BadShardCombinationsAreUsageErrors) {
  EXPECT_NE(usage_error({"--shard", "5/4"}).find("argument --shard '5/4'"), std::string::npos);
  EXPECT_NE(usage_error({"--shard", "1/2", "--dist", "no"}).find("not with --dist no"), std::string::npos);
  EXPECT_NE(usage_error({"--plan", "p.json"}).find("only with --shard"), std::string::npos);
  EXPECT_NE(usage_error({"--shard", "1/2", "--plan", "p.json", "-m", "smoke"}).find("the plan holds the selection"),
            std::string::npos);
}

TEST(Options, RerunsTheirDelayAndWhatAFlakyCaseCountsAs) {
  const RunOptions options = parse({"--reruns", "2", "--reruns-delay", "0.5", "--flaky-result", "fail"});
  EXPECT_EQ(options.reruns, 2);
  EXPECT_DOUBLE_EQ(options.reruns_delay, 0.5);
  EXPECT_TRUE(options.flaky_fails);
  const RunOptions defaults = parse({});
  EXPECT_FALSE(defaults.reruns);
  EXPECT_FALSE(defaults.flaky_fails);
  EXPECT_EQ(parse({"--reruns", "0"}).reruns, 0);
}

TEST(Options, BadRerunFlagsAreUsageErrors) {
  EXPECT_EQ(usage_error({"--reruns=-1"}), "argument --reruns '-1': expected a number of reruns from 0");
  EXPECT_EQ(usage_error({"--reruns", "two"}), "argument --reruns 'two': expected a number of reruns from 0");
  EXPECT_EQ(usage_error({"--flaky-result", "maybe"}), "argument --flaky-result 'maybe': expected pass or fail");
  EXPECT_EQ(usage_error({"--reruns-delay=-1"}), "argument --reruns-delay: expected seconds >= 0");
}

TEST(Options, LastFailedAndRandomOrder) {
  EXPECT_EQ(parse({"--lf"}).last_failed, LastFailedMode::only);
  EXPECT_EQ(parse({"--last-failed"}).last_failed, LastFailedMode::only);
  EXPECT_EQ(parse({"--ff"}).last_failed, LastFailedMode::first);
  EXPECT_TRUE(parse({"--lf", "--lfnf", "none"}).last_failed_none);
  EXPECT_FALSE(parse({}).random_order);
  EXPECT_TRUE(parse({"--random-order"}).random_order);
  const RunOptions seeded = parse({"--random-order-seed", "1234"});
  EXPECT_TRUE(seeded.random_order);  // a seed turns random order on
  EXPECT_EQ(seeded.random_order_seed, 1234u);
  const RunOptions last = parse({"--random-order-seed", "last"});
  EXPECT_TRUE(last.random_order_seed_last);
  EXPECT_FALSE(last.random_order_seed);
}

TEST(Options, BadLastFailedAndSeedFlagsAreUsageErrors) {
  EXPECT_EQ(usage_error({"--random-order-seed", "abc"}),
            "argument --random-order-seed 'abc': expected a number from 0, or 'last'");
  EXPECT_EQ(usage_error({"--random-order-seed=-3"}),
            "argument --random-order-seed '-3': expected a number from 0, or 'last'");
  EXPECT_EQ(usage_error({"--lfnf", "some"}), "argument --lfnf 'some': expected all or none");
  EXPECT_EQ(usage_error({"--lf", "--ff"}), "arguments --lf and --ff: give one of them");
}

TEST(Options, CountAndItsBadValues) {
  EXPECT_EQ(parse({}).count, 1);
  EXPECT_EQ(parse({"--count", "3"}).count, 3);
  EXPECT_EQ(usage_error({"--count", "0"}), "argument --count '0': expected a number of times from 1");
  EXPECT_EQ(usage_error({"--count", "x"}), "argument --count 'x': expected a number of times from 1");
  EXPECT_EQ(usage_error({"--count", "2", "--reruns", "1"}), "arguments --count and --reruns: give one of them");
}

// The flags that say how to see the run: --progress, --color, --durations,
// --durations-min, --report-log, --trace, --html, --slow.

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
                                    "0.5", "--report-log", "log.jsonl", "--trace", "trace.json", "--html", "run.html"});
  EXPECT_EQ(options.progress, ProgressMode::counter);
  EXPECT_EQ(options.color, ColorMode::never);
  EXPECT_EQ(options.durations, 5u);
  EXPECT_DOUBLE_EQ(options.durations_min, 0.5);
  EXPECT_EQ(options.report_log, "log.jsonl");
  EXPECT_EQ(options.trace, "trace.json");
  EXPECT_EQ(options.html, "run.html");
  EXPECT_EQ(parse({"--durations", "0"}).durations, 0u);
  EXPECT_DOUBLE_EQ(parse({"--slow", "0.5"}).slow, 0.5);
}

TEST(ViewOptions, ABadWordIsAUsageErrorThatListsTheChoices) {
  EXPECT_EQ(usage_error({"--progress", "fancy"}), "argument --progress 'fancy': expected bar, counter or none");
  EXPECT_EQ(usage_error({"--color", "bad"}), "argument --color 'bad': expected auto, always or never");
  EXPECT_EQ(usage_error({"--durations-min", "-1"}), "argument --durations-min: expected seconds >= 0");
  EXPECT_EQ(usage_error({"--slow", "-2"}), "argument --slow: expected seconds >= 0");
}
