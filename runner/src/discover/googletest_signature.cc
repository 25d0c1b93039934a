#include "discover/googletest_signature.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>

namespace ptest {

namespace {

bool contains(const char* data, std::size_t size, const char* needle) {
  return ::memmem(data, size, needle, std::strlen(needle)) != nullptr;
}

}  // namespace

bool may_be_googletest(const std::string& executable) {
  const int fd = ::open(executable.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return true;
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode) || info.st_size == 0) {
    ::close(fd);
    return true;
  }
  const auto size = static_cast<std::size_t>(info.st_size);
  void* mapped = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (mapped == MAP_FAILED) return true;
  const char* data = static_cast<const char*>(mapped);
  const bool found = contains(data, size, "gtest") || contains(data, size, "gmock");
  ::munmap(mapped, size);
  return found;
}

}  // namespace ptest
