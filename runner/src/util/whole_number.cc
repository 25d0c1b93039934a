#include "util/whole_number.h"

#include <stdexcept>

namespace ptest {

std::optional<long long> parse_whole_number(const std::string& text, long long min, long long max) {
  std::size_t used = 0;
  long long value = 0;
  try {
    value = std::stoll(text, &used);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  // stoll also takes leading white space and '+'.
  if (used != text.size() || text.empty() || !(text[0] == '-' || (text[0] >= '0' && text[0] <= '9')))
    return std::nullopt;
  if (value < min || value > max) return std::nullopt;
  return value;
}

}  // namespace ptest
