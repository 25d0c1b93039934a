// libFuzzer target: the -m/-k expression parser and evaluator must accept or
// reject any text with an ExpressionError, never crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "plan/expression.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const ptest::Expression expression = ptest::Expression::parse(text);
    expression.evaluate([](const std::string& name) { return name.size() % 2 == 0; });
  } catch (const ptest::ExpressionError&) {
  }
  return 0;
}
