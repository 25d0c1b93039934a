// Errors the user can fix: a bad flag, an unreadable or malformed file, an
// expression that does not parse. main() prints them as one line,
// "ptest: error: <what>", and exits with the usage-error status; any other
// exception is the runner's own fault (an internal error).
#pragma once

#include <stdexcept>

namespace ptest {

class UserError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A bad command line: flags, their values, their combination.
class UsageError : public UserError {
 public:
  using UserError::UserError;
};

}  // namespace ptest
