// Markers declared next to the test itself:
//
//   #include <ptest/markers.h>
//
//   TEST(LoginTest, ValidUser) { ... }
//   PTEST_MARK(LoginTest, ValidUser, smoke, integration);
//
// ptest_discover_tests() picks the markers up when it lists the binary at
// build time, together with the file and line. At any other time the macro
// does nothing: no custom main(), no change to how the binary runs.
//
// For value- and type-parameterized tests, name the suite and test as in the
// TEST_P / TYPED_TEST: PTEST_MARK(Param, Positive, slow) marks
// Gen/Param.Positive/0, Gen/Param.Positive/1, ...
#ifndef PTEST_MARKERS_H_
#define PTEST_MARKERS_H_

#include <cstdio>
#include <cstdlib>

namespace ptest_detail {

// Runs during static initialisation. Only while ptest lists the binary
// (PTEST_MARKS_FILE is set) does it write a line: test, markers, file, line.
inline int record_markers(const char* test, const char* markers, const char* file, int line) {
  const char* path = std::getenv("PTEST_MARKS_FILE");
  if (path == nullptr || *path == '\0') return 0;
  if (std::FILE* out = std::fopen(path, "a")) {
    std::fprintf(out, "%s\t%s\t%s\t%d\n", test, markers, file, line);
    std::fclose(out);
  }
  return 0;
}

}  // namespace ptest_detail

#define PTEST_MARKERS_CONCAT_(a, b) a##b
#define PTEST_MARKERS_NAME_(counter) PTEST_MARKERS_CONCAT_(ptest_markers_of_, counter)

#define PTEST_MARK(suite, test, ...)                                                    \
  [[maybe_unused]] static const int PTEST_MARKERS_NAME_(__COUNTER__) =                  \
      ::ptest_detail::record_markers(#suite "." #test, #__VA_ARGS__, __FILE__, __LINE__)

#endif  // PTEST_MARKERS_H_
