#include "commands/subcommand.h"

#include <cstdio>

#include "model/errors.h"
#include "model/exit_status.h"

namespace ptest {

std::optional<int> parse_subcommand(CLI::App& app, const std::vector<std::string>& arguments, const std::string& name) {
  std::vector<std::string> reversed(arguments.rbegin(), arguments.rend());  // CLI11 takes them backwards
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp& help) {
    return app.exit(help);
  } catch (const CLI::ParseError& error) {
    throw UsageError(std::string(error.what()) + " (see ptest " + name + " --help)");
  }
  return std::nullopt;
}

int run_subcommand(const std::function<int()>& body) {
  try {
    return body();
  } catch (const UserError& error) {
    std::fprintf(stderr, "ptest: error: %s\n", error.what());
    return kExitUsageError;
  }
}

}  // namespace ptest
