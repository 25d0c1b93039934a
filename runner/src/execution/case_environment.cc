#include "execution/case_environment.h"

#include <map>

#include "execution/premature_exit.h"

namespace ptest {

std::vector<std::string> case_environment(const std::vector<std::string>& base, const Target& target,
                                          const std::vector<std::pair<std::string, std::string>>& fixtures,
                                          const WorkerIdentity& identity) {
  std::map<std::string, std::string> variables;
  for (const std::string& entry : base) {
    const auto equals = entry.find('=');
    if (equals != std::string::npos) variables[entry.substr(0, equals)] = entry.substr(equals + 1);
  }
  for (const auto& [name, value] : target.environment) variables[name] = value;
  for (const auto& [name, value] : fixtures) variables[name] = value;
  for (const auto& [name, value] : worker_variables(identity))
    variables[name] = value;
  // The output parser reads plain "[ RUN      ]" lines: no colour codes, no brief mode.
  variables["GTEST_COLOR"] = "no";
  variables["GTEST_BRIEF"] = "0";
  variables.erase("GTEST_FILTER");
  // The runner's own, under Bazel: its meaning is the runner's exit, not the case's.
  variables.erase(kPrematureExitVariable);
  std::vector<std::string> environment;
  environment.reserve(variables.size());
  for (const auto& [name, value] : variables) environment.push_back(name + "=" + value);
  return environment;
}

}  // namespace ptest
