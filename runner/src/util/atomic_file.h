// Writing a file so that readers see either the old content or the whole new
// one, never half of it: the content goes to a temporary file beside the
// target, which is then renamed over it.
#pragma once

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

// Throws FileError("cannot read '<path>': <reason>").
std::string read_file(const std::string& path);

}  // namespace ptest
