// libFuzzer target: whatever a test binary prints, fed in any chunking, the
// output parser never crashes and reports every case it saw start at most
// once as finished.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "execution/gtest_output_parser.h"

namespace {

struct Counter : ptest::GtestOutputParser::Listener {
  int running = 0;
  void case_started(const std::string&) override {
    if (running != 0) std::abort();
    ++running;
  }
  void case_finished(const std::string&, ptest::Outcome, double, std::string) override {
    if (running != 1) std::abort();
    --running;
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // The first byte chooses the chunk size, so splits land everywhere.
  const std::size_t chunk = 1 + data[0] % 64;
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  ptest::GtestOutputParser parser(256);
  Counter counter;
  for (std::size_t at = 0; at < text.size(); at += chunk) parser.feed(std::string_view(text).substr(at, chunk), counter);
  parser.running_output();
  parser.stray_output();
  return 0;
}
