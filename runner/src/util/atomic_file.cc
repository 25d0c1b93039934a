#include "util/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace ptest {

namespace {

[[noreturn]] void fail_read(const std::string& path, int error) {
  throw FileError("cannot read '" + path + "': " + std::strerror(error), std::strerror(error));
}

[[noreturn]] void fail_write(const std::string& path, int error) {
  throw FileError("cannot write '" + path + "': " + std::strerror(error), std::strerror(error));
}

}  // namespace

void write_file_atomically(const std::string& path, const std::string& content) {
  const std::string temporary = path + ".tmp" + std::to_string(::getpid());
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) fail_write(path, errno);
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int error = errno;
      ::close(fd);
      ::unlink(temporary.c_str());
      fail_write(path, error);
    }
    written += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0 || std::rename(temporary.c_str(), path.c_str()) != 0) {
    const int error = errno;
    ::unlink(temporary.c_str());
    fail_write(path, error);
  }
}

std::string read_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) fail_read(path, errno);
  std::string text;
  struct stat status {};
  if (::fstat(fd, &status) == 0 && status.st_size > 0)
    text.reserve(static_cast<std::size_t>(status.st_size) + kReadSlack + 1);  // +1: the read that sees the end
  for (;;) {
    if (text.capacity() - text.size() <= kReadSlack) text.reserve(2 * text.capacity() + 4096);  // no size known, or it grew
    // Read straight into the string, keeping kReadSlack of its capacity free.
    const std::size_t offset = text.size();
    text.resize(text.capacity() - kReadSlack);
    const ssize_t n = ::read(fd, text.data() + offset, text.size() - offset);
    text.resize(offset + static_cast<std::size_t>(n > 0 ? n : 0));
    if (n == 0) break;
    if (n < 0 && errno != EINTR) {
      const int error = errno;
      ::close(fd);
      fail_read(path, error);
    }
  }
  ::close(fd);
  return text;
}

}  // namespace ptest
