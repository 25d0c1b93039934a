#pragma once

// Set from project(VERSION) by runner/CMakeLists.txt.
#ifndef PTEST_VERSION
#define PTEST_VERSION "unknown"
#endif

namespace ptest {

inline constexpr const char* kPtestVersion = PTEST_VERSION;

}  // namespace ptest
