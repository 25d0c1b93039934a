#include "commands/replay_command.h"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "commands/run_command.h"
#include "formats/manifest.h"
#include "model/errors.h"
#include "model/exit_status.h"
#include "util/atomic_file.h"
#include "util/whole_number.h"

namespace ptest {

namespace {

struct ReplayRequest {
  std::string report;
  std::string worker;  // empty: every worker
  RunOptions options;
};

ReplayRequest parse_replay_arguments(const std::vector<std::string>& arguments, std::optional<int>& exit_now) {
  ReplayRequest request;
  RunOptions& options = request.options;
  CLI::App app{"ptest replay: run the test processes of a JSON report again, in the same order", "ptest replay"};
  int verbose = 0, quiet = 0;
  app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  app.add_option("report", request.report, "a JSON report (ptest --report-json)")->required();
  app.add_option("--worker", request.worker, "only this worker's processes: gw0, gw1, ...");
  app.add_option("--manifest", options.manifest_path,
                 "manifest the cases come from (default: ptest/manifest.json in this directory or above)");
  app.add_option("--junitxml", options.junitxml, "write a JUnit XML report to this file");
  app.add_option("--report-json", options.report_json, "write a JSON report to this file");
  app.add_flag("-v,--verbose", verbose, "a line per case");
  app.add_flag("-q,--quiet", quiet, "no header line");
  std::vector<std::string> reversed(arguments.rbegin(), arguments.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp& help) {
    exit_now = app.exit(help);
  } catch (const CLI::ParseError& error) {
    throw UsageError(std::string("replay: ") + error.what() + " (see ptest replay --help)");
  }
  options.verbosity = verbose - quiet;
  options.reruns = 0;  // the processes as they were, not more of them
  return request;
}

// "gw3" -> 3.
int worker_number(const std::string& name, const std::string& what) {
  const std::optional<long long> number =
      name.rfind("gw", 0) == 0 && name.size() > 2 && name[2] != '-' ? parse_whole_number(name.substr(2), 0, 4095)
                                                                      : std::nullopt;
  if (!number) throw UsageError(what + " '" + name + "': expected gw0, gw1, ...");
  return static_cast<int>(*number);
}

nlohmann::json read_report(const std::string& path) {
  std::string text;
  try {
    text = read_file(path);
  } catch (const FileError& error) {
    throw UsageError("replay report '" + path + "': " + error.reason());
  }
  nlohmann::json report = nlohmann::json::parse(text, nullptr, false);
  if (report.is_discarded()) throw UsageError("replay report '" + path + "': not JSON, or cut short");
  if (!report.is_object() || !report.contains("ptest_version") || !report.contains("processes") ||
      !report["processes"].is_array())
    throw UsageError("replay report '" + path + "': not a ptest JSON report with processes (ptest --report-json)");
  return report;
}

// The report's processes as batches by worker, the cases named by index.
RunOrder replay_order(const ReplayRequest& request, const nlohmann::json& report, const std::string& manifest_path,
                      const Manifest& manifest) {
  std::unordered_map<std::string, std::size_t> by_id;
  for (std::size_t i = 0; i < manifest.cases.size(); ++i) by_id.emplace(manifest.cases[i].id, i);
  const int only = request.worker.empty() ? -1 : worker_number(request.worker, "argument --worker");
  RunOrder order;
  order.fixed_batches.resize(static_cast<std::size_t>(std::max(1, report.value("workers", 1))));
  try {
    for (const nlohmann::json& process : report["processes"]) {
      const int worker = worker_number(process.at("worker").get<std::string>(), "replay report worker");
      if (only >= 0 && worker != only) continue;
      std::vector<std::size_t> cases;
      for (const nlohmann::json& id : process.at("cases")) {
        const auto it = by_id.find(id.get<std::string>());
        if (it == by_id.end())
          throw UsageError("replay report '" + request.report + "': case '" + id.get<std::string>() +
                           "' is not in the manifest '" + manifest_path + "'");
        cases.push_back(it->second);
      }
      if (cases.empty()) continue;
      if (order.fixed_batches.size() <= static_cast<std::size_t>(worker)) order.fixed_batches.resize(worker + 1);
      order.selected.insert(order.selected.end(), cases.begin(), cases.end());
      order.fixed_batches[static_cast<std::size_t>(worker)].push_back(std::move(cases));
    }
    if (report.contains("random_order_seed") && report["random_order_seed"].is_number_unsigned())
      order.seed = report["random_order_seed"].get<std::uint64_t>();
  } catch (const nlohmann::json::exception& error) {
    throw UsageError("replay report '" + request.report + "': malformed processes: " + error.what());
  }
  if (only >= 0 && order.selected.empty())
    throw UsageError("argument --worker '" + request.worker + "': the report has no process of that worker");
  return order;
}

}  // namespace

int replay_command(const std::vector<std::string>& arguments) {
  std::string manifest_path;
  Manifest manifest;
  ReplayRequest request;
  RunOrder order;
  try {
    std::optional<int> exit_now;
    request = parse_replay_arguments(arguments, exit_now);
    if (exit_now) return *exit_now;
    const nlohmann::json report = read_report(request.report);
    manifest_path = manifest_path_for(request.options);
    manifest = read_manifest(manifest_path);
    order = replay_order(request, report, manifest_path, manifest);
  } catch (const UserError& error) {
    std::fprintf(stderr, "ptest: error: %s\n", error.what());
    return kExitUsageError;
  }
  if (order.selected.empty()) {
    std::printf("ptest: replay: the report '%s' has no test processes\n", request.report.c_str());
    return kExitNoTests;
  }
  std::size_t processes = 0;
  for (const auto& batches : order.fixed_batches) processes += batches.size();
  order.note = "replaying " + std::to_string(processes) + " test process" + (processes == 1 ? "" : "es") +
               " of '" + request.report + "'";
  return run_selected(request.options, manifest_path, manifest, order);
}

}  // namespace ptest
