#include "execution/env_file.h"

#include <fstream>

namespace ptest {

std::vector<std::pair<std::string, std::string>> read_env_file(const std::string& path) {
  std::vector<std::pair<std::string, std::string>> variables;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto equals = line.find('=');
    if (equals != std::string::npos && equals > 0) variables.emplace_back(line.substr(0, equals), line.substr(equals + 1));
  }
  return variables;
}

}  // namespace ptest
