#include "formats/collection_json.h"

#include <nlohmann/json.hpp>

namespace ptest {

std::string collection_to_json(const Manifest& manifest, const std::vector<std::size_t>& selected) {
  using ordered = nlohmann::ordered_json;
  ordered cases = ordered::array();
  for (std::size_t index : selected) {
    const TestCase& test_case = manifest.cases[index];
    const Target& target = manifest.targets[test_case.target];
    ordered command = ordered::array({target.executable, "--gtest_filter=" + test_case.name});
    for (const std::string& argument : target.arguments) command.push_back(argument);
    ordered environment = ordered::object();
    for (const auto& [name, value] : target.environment) environment[name] = value;
    cases.push_back({{"id", test_case.id},
                     {"markers", test_case.markers},
                     {"scope",
                      {{"target", target.name},
                       {"suite", test_case.suite},
                       {"file", test_case.file},
                       {"line", test_case.line}}},
                     {"group", test_case.group.empty() ? ordered(nullptr) : ordered(test_case.group)},
                     {"timeout", test_case.timeout},
                     {"disabled", test_case.disabled},
                     {"command", command},
                     {"working_directory", target.working_directory},
                     {"environment", environment}});
  }
  const ordered document = {{"schema_version", 1}, {"cases", cases}};
  return document.dump(1, ' ', false, ordered::error_handler_t::replace) + "\n";
}

}  // namespace ptest
