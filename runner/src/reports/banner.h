// pytest's section titles: "===== FAILURES =====", 80 columns wide.
#pragma once

#include <string>

namespace ptest {

inline std::string banner(const std::string& title, char fill = '=') {
  const std::size_t width = 80, inner = title.size() + 2;
  const std::size_t left = inner < width ? (width - inner) / 2 : 0;
  const std::size_t right = inner + left < width ? width - inner - left : 0;
  return std::string(left, fill) + " " + title + " " + std::string(right, fill) + "\n";
}

}  // namespace ptest
