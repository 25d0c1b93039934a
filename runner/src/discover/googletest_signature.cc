#include "discover/googletest_signature.h"

#include "discover/framework_signature.h"

namespace ptest {

bool may_be_googletest(const std::string& executable) {
  const FrameworkSignature signature = read_framework_signature(executable);
  return !signature.readable || signature.gtest;
}

}  // namespace ptest
