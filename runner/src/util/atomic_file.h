// Writing a file so that readers see either the old content or the whole new
// one, never half of it: the content goes to a temporary file beside the
// target, which is then renamed over it.
#pragma once

#include <cstddef>
#include <string>

#include "model/errors.h"

namespace ptest {

class FileError : public UserError {
 public:
  FileError(const std::string& what, std::string reason)
      : UserError(what), reason_(std::move(reason)) {}
  const std::string& reason() const { return reason_; }  // strerror's words alone

 private:
  std::string reason_;
};

// Throws FileError("cannot write '<path>': <reason>"); leaves no temporary behind.
void write_file_atomically(const std::string& path, const std::string& content);

// Room read_file() leaves in the string's capacity past the end, so that a
// parser that reads a little beyond the text (simdjson reads 64 bytes) can
// use it where it is instead of copying megabytes.
inline constexpr std::size_t kReadSlack = 64;

// The whole file, read with one copy. Throws FileError("cannot read '<path>': <reason>").
std::string read_file(const std::string& path);

}  // namespace ptest
