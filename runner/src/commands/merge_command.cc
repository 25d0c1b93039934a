#include "commands/merge_command.h"

#include <cstdio>
#include <optional>

#include "commands/subcommand.h"
#include "formats/history.h"
#include "formats/report_file.h"
#include "model/exit_status.h"
#include "reports/merged_reports.h"
#include "reports/shard_verification.h"
#include "util/atomic_file.h"

namespace ptest {

namespace {

struct MergeOptions {
  std::vector<std::string> reports;
  std::string report_json, junitxml, history;
  bool verify = false;
};

std::optional<MergeOptions> parse_merge_options(const std::vector<std::string>& arguments, int& exit_now) {
  MergeOptions options;
  CLI::App app{"ptest merge: join shard reports into one", "ptest merge"};
  app.add_option("reports", options.reports, "the shards' --report-json files")->required();
  app.add_option("--report-json", options.report_json, "write the merged JSON report here");
  app.add_option("--junitxml", options.junitxml, "write the merged JUnit XML here");
  app.add_option("--history", options.history, "merge the shards' durations into this history");
  app.add_flag("--verify", options.verify, "fail unless every case of the plan ran exactly once");
  if (const auto status = parse_subcommand(app, arguments, "merge")) {
    exit_now = *status;
    return std::nullopt;
  }
  return options;
}

int print_verification(const std::vector<std::string>& problems, std::size_t reports) {
  if (problems.empty()) {
    std::printf("ptest: merge --verify: %zu reports, every case of the plan ran exactly once\n", reports);
    return kExitOk;
  }
  std::fprintf(stderr, "ptest: error: merge --verify failed: %zu problems\n", problems.size());
  for (const std::string& problem : problems) std::fprintf(stderr, "  %s\n", problem.c_str());
  return kExitTestsFailed;
}

int merge(const MergeOptions& options) {
  std::vector<ReportFile> reports;
  for (const std::string& path : options.reports) reports.push_back(read_report(path));
  const std::vector<std::string> problems = options.verify ? verify_shards(reports) : std::vector<std::string>{};
  // Without --verify, reports of different plans are still bad input: their union means nothing.
  if (const std::string plans = different_plans(reports); !options.verify && !plans.empty()) throw UserError(plans);
  // All inputs read and checked first, so a bad one leaves no output behind.
  if (!options.report_json.empty()) write_file_atomically(options.report_json, render_merged_json(reports));
  if (!options.junitxml.empty()) write_file_atomically(options.junitxml, render_merged_junit(reports));
  if (!options.history.empty()) update_history(options.history, read_history(options.history), merged_history(reports));
  std::size_t cases = 0;
  for (const ReportFile& report : reports) cases += report.cases.size();
  std::printf("ptest: merged %zu reports, %zu cases\n", reports.size(), cases);
  return options.verify ? print_verification(problems, reports.size()) : kExitOk;
}

}  // namespace

int merge_command(const std::vector<std::string>& arguments) {
  return run_subcommand([&] {
    int exit_now = kExitOk;
    const std::optional<MergeOptions> options = parse_merge_options(arguments, exit_now);
    return options ? merge(*options) : exit_now;
  });
}

}  // namespace ptest
