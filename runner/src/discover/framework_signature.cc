#include "discover/framework_signature.h"

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

FrameworkSignature read_framework_signature(const std::string& executable) {
  FrameworkSignature signature;
  const int fd = ::open(executable.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return signature;
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode) || info.st_size == 0) {
    ::close(fd);
    return signature;
  }
  const auto size = static_cast<std::size_t>(info.st_size);
  void* mapped = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (mapped == MAP_FAILED) return signature;
  const char* data = static_cast<const char*>(mapped);
  signature.readable = true;
  signature.gtest = contains(data, size, "gtest") || contains(data, size, "gmock");
  signature.catch2 = contains(data, size, "--list-test-names-only") || contains(data, size, "libCatch2");
  signature.doctest = contains(data, size, "dt-list-test-cases") || contains(data, size, "libdoctest");
  ::munmap(mapped, size);
  return signature;
}

Framework detect_framework(const std::string& executable) {
  const FrameworkSignature signature = read_framework_signature(executable);
  if (!signature.readable || signature.gtest) return Framework::gtest;
  if (signature.doctest) return Framework::doctest;
  return signature.catch2 ? Framework::catch2 : Framework::plain;
}

}  // namespace ptest
