// Which test frameworks an executable's bytes show, read without running
// it: a binary with a framework linked in names the framework's own
// command-line flags, one linked to a shared library names the library.
// FRAMEWORK auto picks the framework to list a binary with from this.
#pragma once

#include <string>

#include "model/model.h"

namespace ptest {

struct FrameworkSignature {
  bool readable = false;  // false: the file could not be read, so nothing is known
  bool gtest = false;     // "gtest" or "gmock"
  bool catch2 = false;    // "--list-test-names-only" (Catch2 2's flag) or "libCatch2"
  bool doctest = false;   // "dt-list-test-cases" (doctest's flag) or "libdoctest"
};

FrameworkSignature read_framework_signature(const std::string& executable);

// The framework to list `executable` with: GoogleTest first (as before
// Catch2 and doctest were known, and a binary that links the ptest runner
// names their flags), then doctest, then Catch2, else plain. Neither
// Catch2's nor doctest's binaries spell "gtest" with that case. A file that
// cannot be read is tried as GoogleTest, so that its listing reports the
// real problem.
Framework detect_framework(const std::string& executable);

}  // namespace ptest
