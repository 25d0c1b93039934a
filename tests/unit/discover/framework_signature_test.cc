#include "discover/framework_signature.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

using namespace ptest;

namespace {

std::string file_with(const std::string& content) {
  char pattern[] = "/tmp/ptest-framework-XXXXXX";
  const int fd = ::mkstemp(pattern);
  if (fd >= 0) {
    [[maybe_unused]] ssize_t written = ::write(fd, content.data(), content.size());
    ::close(fd);
  }
  return pattern;
}

Framework detected(const std::string& content) {
  const std::string path = file_with(content);
  const Framework framework = detect_framework(path);
  ::unlink(path.c_str());
  return framework;
}

TEST(FrameworkSignature, EachFrameworkIsFoundByTheFlagsItsBinaryNames) {
  using namespace std::string_literals;
  EXPECT_EQ(detected("x\0--gtest_filter\0y"s), Framework::gtest);
  EXPECT_EQ(detected("x\0--list-test-names-only\0y"s), Framework::catch2);
  EXPECT_EQ(detected("x\0dt-list-test-cases\0y"s), Framework::doctest);
  EXPECT_EQ(detected("int main() {}"), Framework::plain);
}

// A binary that links GoogleTest stays one, whatever else it names (the
// runner's own unit tests name every framework's flags).
TEST(FrameworkSignature, GoogleTestComesFirst) {
  EXPECT_EQ(detected("gtest --list-test-names-only dt-list-test-cases"), Framework::gtest);
}

TEST(FrameworkSignature, AFileThatCannotBeReadIsTriedAsGoogleTest) {
  EXPECT_EQ(detect_framework("/nonexistent/ptest-binary"), Framework::gtest);
}

}  // namespace
