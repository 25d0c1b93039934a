#include "discover/test_framework.h"

#include "discover/catch2_framework.h"
#include "discover/doctest_framework.h"
#include "discover/gtest_framework.h"

namespace ptest {

const TestFramework* test_framework(Framework framework) {
  static const GtestFramework gtest;
  static const Catch2Framework catch2;
  static const DoctestFramework doctest;
  switch (framework) {
    case Framework::gtest: return &gtest;
    case Framework::catch2: return &catch2;
    case Framework::doctest: return &doctest;
    case Framework::plain: break;
  }
  return nullptr;
}

std::vector<std::string> filter_arguments(Framework framework, const std::vector<std::string>& names) {
  const TestFramework* known = test_framework(framework);
  return known ? known->filter_arguments(names) : std::vector<std::string>{};
}

}  // namespace ptest
