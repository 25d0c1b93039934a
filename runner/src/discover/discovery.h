// Turning a test binary's listing into manifest cases: the rules of
// ptest_discover_tests() (MARKERS, MARK, GROUP, TIMEOUT), as the CMake module
// writes them into a per-target spec file at generate time.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "discover/gtest_listing.h"
#include "model/model.h"

namespace ptest {

struct MarkRule {
  std::string marker;
  std::vector<std::string> patterns;  // globs on "<Suite>.<Test>"
};

struct GroupRule {
  std::string name;
  std::vector<std::string> patterns;
};

struct DiscoverySpec {
  Target target;
  std::vector<std::string> markers;  // MARKERS: every case
  std::vector<MarkRule> marks;
  std::vector<GroupRule> groups;     // the first matching GROUP wins
  double timeout = 0;
  std::map<std::string, double> marker_timeouts;  // ptest_marker_defaults(): replace `timeout`
  std::map<std::string, int> marker_reruns;       // ptest_marker_defaults(... RERUNS)
  std::map<std::string, double> marker_slow;      // ptest_marker_defaults(... SLOW): the case's slow period
  double discovery_timeout = 5;
  bool ctest_runs_runner = false;  // CTEST_MODE RUNNER: a ctest test per marker set, each running ptest
  bool strict = false;  // STRICT: a binary that is not GoogleTest fails the build instead of running plain
  // FRAMEWORK auto: target.framework is what the binary's bytes show
  // (detect_framework); otherwise the declared one, and a binary that is
  // not of it fails the build.
  bool detect_framework = true;
  std::string fragment_path;  // where this target's manifest fragment goes
  std::string ctest_path;     // where its CTest script goes
  std::string index_path;     // the list of every target's fragment
  std::string manifest_path;  // the merged manifest
};

// A PTEST_MARK(Suite, Test, markers...) found while listing the binary.
struct SourceMark {
  std::string suite, test;  // as written in the macro
  std::vector<std::string> markers;
  std::string file;
  int line = 0;
};

// The lines <ptest/markers.h> writes to PTEST_MARKS_FILE: "Suite.Test<TAB>m1, m2<TAB>file<TAB>line".
std::vector<SourceMark> parse_source_marks(const std::string& text);

// Whether PTEST_MARK(suite, test) names the case `name`, also as a
// parameterized or typed instance ("Gen/Suite.Test/3", "Suite/1.Test").
bool source_mark_applies(const SourceMark& mark, const std::string& name);

class SpecError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Throws SpecError naming the file and the field.
DiscoverySpec read_discovery_spec(const std::string& path);

// A one-target manifest: the listed cases with ids, markers (from the spec
// and from PTEST_MARK), group and timeout.
Manifest build_fragment(const DiscoverySpec& spec, const std::vector<ListedCase>& listed,
                        const std::vector<SourceMark>& source_marks = {});

// A one-target manifest for a binary that is not GoogleTest: one plain case,
// "<target>::<target>", the whole process, its exit status the outcome;
// MARKERS, MARK, GROUP and TIMEOUT apply to it as to any case.
Manifest build_plain_fragment(const DiscoverySpec& spec);

}  // namespace ptest
