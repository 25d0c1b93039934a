#include "discover/googletest_signature.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

using namespace ptest;

namespace {

// A file with `content` in a fresh temporary directory; removed with the object.
class TemporaryFile {
 public:
  explicit TemporaryFile(const std::string& content) {
    char pattern[] = "/tmp/ptest-signature-XXXXXX";
    const int fd = ::mkstemp(pattern);
    path_ = pattern;
    if (fd >= 0) {
      [[maybe_unused]] ssize_t written = ::write(fd, content.data(), content.size());
      ::close(fd);
    }
  }
  ~TemporaryFile() { ::unlink(path_.c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace

TEST(GoogletestSignature, ThisVeryGoogleTestBinaryMayBeOne) {
  char self[4096];
  const ssize_t length = ::readlink("/proc/self/exe", self, sizeof self - 1);
  ASSERT_GT(length, 0);
  EXPECT_TRUE(may_be_googletest(std::string(self, static_cast<std::size_t>(length))));
}

TEST(GoogletestSignature, AFileNamingGoogleTestsFlagsOrLibraryMayBeOne) {
  EXPECT_TRUE(may_be_googletest(TemporaryFile("\x7f" "ELF...--gtest_list_tests...").path()));
  EXPECT_TRUE(may_be_googletest(TemporaryFile("\x7f" "ELF...libgmock.so.1.12...").path()));
}

TEST(GoogletestSignature, AFileWithoutEitherIsNot) {
  EXPECT_FALSE(may_be_googletest(TemporaryFile("\x7f" "ELF... int main() { return 0; } ...").path()));
}

TEST(GoogletestSignature, AFileThatCannotBeReadGetsTheBenefitOfTheDoubt) {
  EXPECT_TRUE(may_be_googletest("/nonexistent/ptest/binary"));
  EXPECT_TRUE(may_be_googletest(TemporaryFile("").path()));  // empty: nothing to read
}
