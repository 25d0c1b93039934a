// What `ptest plan` and `ptest merge` share: their command lines parsed by
// CLI11, and a user's error printed as one line with the usage-error status.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace ptest {

// Parses `arguments` with `app`. Returns an exit status when --help printed
// its text; throws UsageError naming "ptest <name> --help" on a bad one.
std::optional<int> parse_subcommand(CLI::App& app, const std::vector<std::string>& arguments, const std::string& name);

// Runs `body`; a UserError it throws is printed as "ptest: error: ..." and is exit 4.
int run_subcommand(const std::function<int()>& body);

}  // namespace ptest
