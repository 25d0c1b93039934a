// libFuzzer target: the run journal's reader must take any bytes (a journal
// a killed runner cut short, or garbage) without crashing or throwing.
#include <cstddef>
#include <cstdint>
#include <string>

#include "formats/run_journal.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ptest::parse_journal(std::string(reinterpret_cast<const char*>(data), size));
  return 0;
}
