// libFuzzer target: whatever a Catch2 or doctest binary prints, fed in any
// chunking, the XML output parsers never crash and report every case they
// saw start at most once as finished.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "case_counter.h"
#include "execution/catch2_output_parser.h"
#include "execution/doctest_output_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // The first byte chooses the parser (its low bit) and the chunk size, so
  // splits land everywhere.
  const std::size_t chunk = 1 + (data[0] >> 1) % 64;
  std::unique_ptr<ptest::CaseStreamParser> parser;
  if (data[0] & 1)
    parser = std::make_unique<ptest::DoctestOutputParser>(256);
  else
    parser = std::make_unique<ptest::Catch2OutputParser>(256);
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  CaseCounter counter;
  for (std::size_t at = 0; at < text.size(); at += chunk) parser->feed(std::string_view(text).substr(at, chunk), counter);
  parser->running_output();
  parser->stray_output();
  return 0;
}
