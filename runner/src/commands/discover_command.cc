#include "commands/discover_command.h"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "discover/ctest_script.h"
#include "discover/discovery.h"
#include "discover/discovery_index.h"
#include "discover/framework_signature.h"
#include "discover/listing_verdict.h"
#include "process/process.h"
#include "process/run_captured.h"
#include "formats/manifest.h"
#include "util/atomic_file.h"
#include "util/cpu_count.h"
#include "util/file_lock.h"
#include "util/suggest.h"

namespace ptest {

namespace {

// The failed listing, as the build log shows it: what ran, how it ended, what it said.
int report_listing_failure(const DiscoverySpec& spec, const std::string& result, const std::string& output) {
  std::string indented = "    ";
  for (const char c : output) {
    indented += c;
    if (c == '\n') indented += "    ";
  }
  std::fprintf(stderr,
               "ptest_discover_tests(): cannot list the cases of target '%s'\n"
               "  Path: '%s'\n  Result: %s\n  Output:\n%s\n",
               spec.target.name.c_str(), spec.target.executable.c_str(), result.c_str(), indented.c_str());
  return 1;
}

// The index lists every target; the lock keeps two targets' discoveries,
// built in parallel, from writing the manifest at once.
void merge_manifest(const std::string& index_path, const std::string& manifest_path) {
  FileLock lock(index_path + ".lock");
  write_file_atomically(manifest_path, manifest_to_json(merge_fragments(read_discovery_index(index_path))));
}

// A marker found in the source must be a valid, registered name, as
// MARKERS must: each of `found` is a marker and where it was written.
std::string check_found_markers(const std::vector<std::pair<std::string, std::string>>& found,
                                const std::string& index_path) {
  if (found.empty()) return {};
  std::vector<std::string> registered;
  for (const MarkerInfo& marker : read_discovery_index(index_path).markers) registered.push_back(marker.name);
  for (const auto& [marker, where] : found) {
    {
      const bool valid = !marker.empty() && !std::isdigit(static_cast<unsigned char>(marker[0])) &&
                         std::all_of(marker.begin(), marker.end(),
                                     [](unsigned char c) { return std::isalnum(c) || c == '_'; });
      if (!valid) return "marker '" + marker + "'" + where + " is not a valid name";
      if (std::find(registered.begin(), registered.end(), marker) != registered.end()) continue;
      const auto suggestion = closest_name(marker, registered);
      return "marker '" + marker + "'" + where + " is not registered" +
             (suggestion ? "; did you mean '" + *suggestion + "'?" : "") +
             " Register markers with ptest_markers() in CMake";
    }
  }
  return {};
}

// PTEST_MARK markers and the framework's own (Catch2's tags), with where each was written.
std::vector<std::pair<std::string, std::string>> found_markers(const std::vector<SourceMark>& marks,
                                                               const std::vector<ListedCase>& listed) {
  std::vector<std::pair<std::string, std::string>> found;
  for (const SourceMark& mark : marks)
    for (const std::string& marker : mark.markers)
      found.emplace_back(marker, " in PTEST_MARK(" + mark.suite + ", " + mark.test + ") at " + mark.file + ":" +
                                     std::to_string(mark.line));
  for (const ListedCase& listed_case : listed)
    for (const std::string& marker : listed_case.markers)
      found.emplace_back(marker, " (a tag of case '" + listed_case.name + "' at " + listed_case.file + ":" +
                                     std::to_string(listed_case.line) + ")");
  return found;
}

// CTest runs each case through this very binary's `exec`, with the worker
// slots beside the manifest.
CtestLauncher ctest_launcher(const DiscoverySpec& spec) {
  char self[4096];
  const ssize_t length = ::readlink("/proc/self/exe", self, sizeof self - 1);
  if (length <= 0) return {};
  const auto slash = spec.manifest_path.rfind('/');
  const std::string dir = slash == std::string::npos ? std::string(".") : spec.manifest_path.substr(0, slash);
  return {std::string(self, static_cast<std::size_t>(length)), dir + "/workers", dir + "/fixtures"};
}

// What the listing left for judge_listing(): how the process ended, and the file.
ListingAttempt listing_attempt(const CompletedProcess& listed, const std::string& listing_path) {
  ListingAttempt attempt;
  attempt.timed_out = listed.timed_out;
  attempt.killed_by_signal = WIFSIGNALED(listed.wait_status);
  attempt.exited_zero = WIFEXITED(listed.wait_status) && WEXITSTATUS(listed.wait_status) == 0;
  attempt.ended = describe_wait_status(listed.wait_status);
  if (::access(listing_path.c_str(), F_OK) == 0) attempt.listing = read_file(listing_path);
  attempt.output = listed.output;
  return attempt;
}

std::string seconds_text(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", seconds);
  return text;
}

struct Listing {
  Framework framework = Framework::gtest;  // what the binary was listed as
  ListingVerdict verdict;
  CompletedProcess process;  // the (last) listing run; empty when the binary was not run
};

// One listing process: the launcher, the binary, the framework's listing
// arguments, EXTRA_ARGS, in the cases' environment and directory.
Command listing_command(const DiscoverySpec& spec, const std::vector<std::string>& arguments,
                        const std::string& marks_path) {
  Command command;
  command.argv = spec.target.launcher;
  command.argv.push_back(spec.target.executable);
  command.argv.insert(command.argv.end(), arguments.begin(), arguments.end());
  command.argv.insert(command.argv.end(), spec.target.arguments.begin(), spec.target.arguments.end());
  command.environment = current_environment();
  for (const auto& [name, value] : spec.target.environment) command.environment.push_back(name + "=" + value);
  command.environment.push_back("PTEST_MARKS_FILE=" + marks_path);  // <ptest/markers.h> writes here
  command.working_directory = spec.target.working_directory;
  return command;
}

// Runs the framework's listing processes and judges them: with FRAMEWORK
// auto, a GoogleTest binary may turn out to be plain (judge_listing); a
// declared framework, or Catch2 and doctest found in the binary, must list.
// PTEST_MARK markers go to `marks_path`.
Listing list_cases(const DiscoverySpec& spec, const std::string& marks_path) {
  Listing listing;
  listing.framework = spec.detect_framework ? detect_framework(spec.target.executable) : spec.target.framework;
  const TestFramework* framework = test_framework(listing.framework);
  if (!framework) {  // plain, found or declared: nothing to list
    ListingAttempt not_run;
    not_run.ran = false;
    listing.verdict = judge_listing(not_run);
    if (!spec.detect_framework) listing.verdict.what = "FRAMEWORK plain";
    return listing;
  }
  const std::string listing_path = spec.fragment_path + ".listing";
  ::unlink(marks_path.c_str());
  std::vector<ListingAttempt> attempts;
  for (const std::vector<std::string>& arguments : framework->listing_arguments(listing_path)) {
    ::unlink(listing_path.c_str());
    listing.process = run_captured(listing_command(spec, arguments, marks_path), spec.discovery_timeout);
    attempts.push_back(listing_attempt(listing.process, listing_path));
    ::unlink(listing_path.c_str());
    if (listing.process.timed_out || WIFSIGNALED(listing.process.wait_status)) break;
  }
  const bool may_be_plain = spec.detect_framework && listing.framework == Framework::gtest;
  listing.verdict = may_be_plain ? judge_listing(attempts.front())
                                 : judge_framework_listing(*framework, listing.framework, attempts);
  if (listing.process.timed_out) listing.verdict.what += " (" + seconds_text(spec.discovery_timeout) + " s)";
  return listing;
}

// The target's fragment and CTest script, then the merged manifest.
int write_discovery(const DiscoverySpec& spec, const Manifest& fragment) {
  write_file_atomically(spec.fragment_path, manifest_to_json(fragment));
  const CtestLauncher launcher = ctest_launcher(spec);
  write_file_atomically(spec.ctest_path, spec.ctest_runs_runner
                                             ? ctest_runner_script(fragment, launcher.runner, spec.manifest_path,
                                                                   usable_cpu_count())
                                             : ctest_script(fragment, launcher));
  merge_manifest(spec.index_path, spec.manifest_path);
  return 0;
}

// A binary that is not GoogleTest: one plain case with a warning, or with
// STRICT the error the user asked for.
int register_plain(const DiscoverySpec& spec, const Listing& listing) {
  std::string what = "target '" + spec.target.name + "' is not a GoogleTest binary: " + listing.verdict.what;
  const std::string& output = listing.process.output;
  if (const std::string said = output.substr(0, std::min(output.find('\n'), std::size_t{120})); !said.empty())
    what += " (it printed '" + said + "')";
  if (spec.strict) return report_listing_failure(spec, what + " (STRICT)", listing.process.output);
  std::fprintf(stderr,
               "ptest_discover_tests(): warning: %s; registered as one plain case, its exit status the outcome "
               "(STRICT makes this an error)\n",
               what.c_str());
  return write_discovery(spec, build_plain_fragment(spec));
}

}  // namespace

int discover_command(const std::string& spec_path) {
  try {
    const DiscoverySpec spec = read_discovery_spec(spec_path);
    const std::string marks_path = spec.fragment_path + ".marks";
    const Listing listing = list_cases(spec, marks_path);
    switch (listing.verdict.kind) {
      case ListingVerdict::Kind::failed:
        return report_listing_failure(spec, listing.verdict.what, listing.process.output);
      case ListingVerdict::Kind::plain:
        if (!spec.detect_framework) return write_discovery(spec, build_plain_fragment(spec));
        return register_plain(spec, listing);
      case ListingVerdict::Kind::gtest:
        break;
    }
    std::vector<SourceMark> source_marks;
    if (::access(marks_path.c_str(), R_OK) == 0) {
      source_marks = parse_source_marks(read_file(marks_path));
      ::unlink(marks_path.c_str());
    }
    const auto markers = found_markers(source_marks, listing.verdict.cases);
    if (const std::string problem = check_found_markers(markers, spec.index_path); !problem.empty()) {
      std::fprintf(stderr, "ptest_discover_tests(): %s\n", problem.c_str());
      return 1;
    }
    Manifest fragment = build_fragment(spec, listing.verdict.cases, source_marks);
    fragment.targets.front().framework = listing.framework;
    return write_discovery(spec, fragment);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "ptest_discover_tests(): %s\n", error.what());
    return 1;
  }
}

}  // namespace ptest
