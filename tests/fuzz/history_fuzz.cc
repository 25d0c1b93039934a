// libFuzzer target: the history reader must turn any bytes into a history or
// an error (which the runner shows as a warning), never crash.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "formats/history.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    ptest::parse_history(std::string(reinterpret_cast<const char*>(data), size));
  } catch (const std::exception&) {
  }
  return 0;
}
