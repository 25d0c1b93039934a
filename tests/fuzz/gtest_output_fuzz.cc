// libFuzzer target: whatever a test binary prints, fed in any chunking, the
// output parser never crashes and reports every case it saw start at most
// once as finished.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "case_counter.h"
#include "execution/gtest_output_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // The first byte chooses the chunk size, so splits land everywhere.
  const std::size_t chunk = 1 + data[0] % 64;
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  ptest::GtestOutputParser parser(256);
  CaseCounter counter;
  for (std::size_t at = 0; at < text.size(); at += chunk) parser.feed(std::string_view(text).substr(at, chunk), counter);
  parser.running_output();
  parser.stray_output();
  return 0;
}
