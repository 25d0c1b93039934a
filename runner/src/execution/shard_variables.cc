#include "execution/shard_variables.h"

#include <algorithm>

#include "plan/shard_spec.h"

namespace ptest {

std::vector<std::string> without_shard_variables(std::vector<std::string> environment) {
  const std::vector<std::string>& names = shard_variable_names();
  const auto is_shard_variable = [&](const std::string& entry) {
    const std::string name = entry.substr(0, entry.find('='));
    return std::find(names.begin(), names.end(), name) != names.end();
  };
  environment.erase(std::remove_if(environment.begin(), environment.end(), is_shard_variable), environment.end());
  return environment;
}

}  // namespace ptest
