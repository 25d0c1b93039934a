"""Bad input gets a clear one-line error and the right status: misuse of
ptest_discover_tests() fails configure, a binary that cannot list its cases
fails the build, and the runner refuses bad flags and manifests with exit 4."""
import json
import os
import re
import shutil
import tempfile
import unittest

import e2e

ERRORS = os.path.join(e2e.WORK, "errors")
RUNNER = os.path.join(e2e.PREFIX, "bin", "ptest")

PROJECT = """cmake_minimum_required(VERSION 3.20)
project(bad CXX)
find_package(GTest REQUIRED)
find_package(PTest CONFIG REQUIRED)
enable_testing()
add_executable(t main.cc)
target_link_libraries(t PRIVATE GTest::gtest)
add_library(lib STATIC main.cc)
%s
"""

CRASHES_WHILE_LISTING = """#include <cstdio>
#include <cstdlib>
#include <cstring>
int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i)
    if (std::strcmp(argv[i], "--gtest_list_tests") == 0) {
      std::printf("cannot start: missing config file\\n");
      std::fflush(stdout);
      std::abort();
    }
  return 0;
}
"""


_consumer = []


def consumer_build():
    """The consumer project, built once for every test that runs the runner on it."""
    if not _consumer:
        _consumer.append(e2e.configure_and_build("consumer", "errors-consumer"))
    return _consumer[0]


def write_project(name, call, source="int main() { return 0; }\n"):
    directory = os.path.join(ERRORS, name)
    shutil.rmtree(directory, ignore_errors=True)
    os.makedirs(directory)
    with open(os.path.join(directory, "CMakeLists.txt"), "w") as f:
        f.write(PROJECT % call)
    with open(os.path.join(directory, "main.cc"), "w") as f:
        f.write(source)
    return directory


class ConfigureErrors(unittest.TestCase):
    def assert_configure_fails(self, name, call, message):
        source = write_project(name, call)
        status, output = e2e.configure(source, os.path.join(source, "build"), expect_ok=False)
        self.assertNotEqual(status, 0, output)
        self.assertIn("ptest_discover_tests(): " + message, " ".join(output.split()))

    def test_unknown_keyword(self):
        self.assert_configure_fails("unknown", "ptest_discover_tests(t TIMEOUT 5 BOGUS 3)",
                                    "unknown argument(s) 'BOGUS;3' for target 't'")

    def test_missing_target(self):
        self.assert_configure_fails("missing", "ptest_discover_tests(nosuch)", "no target named 'nosuch'")

    def test_not_an_executable(self):
        self.assert_configure_fails("library", "ptest_discover_tests(lib)",
                                    "target 'lib' is a STATIC_LIBRARY, not an executable")

    def test_bad_discovery_mode(self):
        self.assert_configure_fails("mode", "ptest_discover_tests(t DISCOVERY_MODE SOMETIMES)",
                                    "DISCOVERY_MODE 'SOMETIMES' is not POST_BUILD or PRE_TEST")

    def test_bad_ctest_mode(self):
        self.assert_configure_fails("ctest-mode", "ptest_discover_tests(t CTEST_MODE SOMETIMES)",
                                    "CTEST_MODE 'SOMETIMES' is not CASES or RUNNER")

    def test_unknown_fixture(self):
        self.assert_configure_fails("fixture", "ptest_discover_tests(t FIXTURES db)",
                                    "no fixture named 'db' (declare it with ptest_add_fixture() before using it)")

    def test_fixture_without_setup(self):
        source = write_project("fixture-setup", "ptest_add_fixture(db CLEANUP true)")
        status, output = e2e.configure(source, os.path.join(source, "build"), expect_ok=False)
        self.assertNotEqual(status, 0, output)
        self.assertIn("ptest_add_fixture(): fixture 'db' needs a SETUP command", " ".join(output.split()))

    def test_bad_marker_name(self):
        self.assert_configure_fails("marker", "ptest_discover_tests(t MARK 9lives \"*\")",
                                    "marker '9lives' is not a valid name")

    def test_mark_without_pattern(self):
        self.assert_configure_fails("pattern", "ptest_discover_tests(t MARK smoke)",
                                    "MARK needs a name and at least one pattern, got 'smoke'")

    def test_bad_timeout(self):
        self.assert_configure_fails("timeout", "ptest_discover_tests(t TIMEOUT soon)",
                                    "TIMEOUT 'soon' is not a number of seconds")

    def test_bad_marker_slow_period(self):
        for name, value in (("marker-slow", "soon"), ("marker-slow-zero", "0")):
            source = write_project(name, "ptest_marker_defaults(slow SLOW %s)" % value)
            status, output = e2e.configure(source, os.path.join(source, "build"), expect_ok=False)
            self.assertNotEqual(status, 0, output)
            self.assertIn("ptest_marker_defaults(): SLOW '%s' is not a positive number of seconds" % value,
                          " ".join(output.split()))

    def test_unregistered_marker(self):
        self.assert_configure_fails("unregistered", "ptest_discover_tests(t MARKERS smok)",
                                    "marker 'smok' is not registered; did you mean 'smoke'?")

    def test_unregistered_marker_far_from_every_name(self):
        self.assert_configure_fails("far-off", "ptest_discover_tests(t MARKERS database)",
                                    "marker 'database' is not registered. Register a marker with ptest_markers(")

    def test_bad_marker_registration(self):
        source = write_project("registration", "ptest_markers(e2e)")
        status, output = e2e.configure(source, os.path.join(source, "build"), expect_ok=False)
        self.assertNotEqual(status, 0, output)
        self.assertIn("ptest_markers(): expected <name> \"<description>\" pairs, got 'e2e'", " ".join(output.split()))

    def test_strict_takes_no_value(self):
        self.assert_configure_fails("strict-value", "ptest_discover_tests(t STRICT TRUE)",
                                    "unknown argument(s) 'TRUE' for target 't'")

    def test_target_discovered_twice(self):
        self.assert_configure_fails("twice", "ptest_discover_tests(t)\nptest_discover_tests(t)",
                                    "target 't' is already discovered")


class StrictKeyword(unittest.TestCase):
    """STRICT reaches the target's spec, where the discovery step reads it."""

    def spec(self, name, call):
        source = write_project(name, call)
        build = os.path.join(source, "build")
        e2e.configure(source, build)
        with open(os.path.join(build, "ptest", "specs", "t.json")) as f:
            return json.load(f)

    def test_strict_is_written_into_the_spec(self):
        self.assertIs(self.spec("strict", "ptest_discover_tests(t STRICT)")["strict"], True)

    def test_without_strict_the_spec_says_false(self):
        self.assertIs(self.spec("not-strict", "ptest_discover_tests(t)")["strict"], False)

    def test_strict_ends_a_mark_block(self):
        spec = self.spec("strict-after-mark", 'ptest_discover_tests(t MARK smoke "*" STRICT)')
        self.assertIs(spec["strict"], True)
        self.assertEqual(spec["mark"], [{"marker": "smoke", "patterns": ["*"]}])


class ListingFailure(unittest.TestCase):
    def test_build_fails_with_path_status_and_output(self):
        source = write_project("listing", "ptest_discover_tests(t)", CRASHES_WHILE_LISTING)
        build = os.path.join(source, "build")
        e2e.configure(source, build)
        status, output = e2e.build(build, expect_ok=False)
        self.assertNotEqual(status, 0, output)
        self.assertIn("ptest_discover_tests(): cannot list the cases of target 't'", output)
        self.assertIn("Path: '%s'" % os.path.join(build, "t"), output)
        self.assertIn("Result: killed by SIGABRT (Aborted)", output)
        self.assertIn("cannot start: missing config file", output)


class SourceMarkErrors(unittest.TestCase):
    def test_unregistered_marker_in_ptest_mark_fails_the_build(self):
        source = write_project("source-mark", "ptest_discover_tests(t)",
                               "#include <gtest/gtest.h>\n#include <ptest/markers.h>\n"
                               "TEST(Login, Works) {}\nPTEST_MARK(Login, Works, smoke, flaky);\n"
                               "int main(int argc, char** argv) { testing::InitGoogleTest(&argc, argv); return RUN_ALL_TESTS(); }\n")
        build = os.path.join(source, "build")
        e2e.configure(source, build)
        status, output = e2e.build(build, "t", expect_ok=False)  # (the project's library has no ptest includes)
        self.assertNotEqual(status, 0, output)
        self.assertIn("ptest_discover_tests(): marker 'flaky' in PTEST_MARK(Login, Works) at ", output)
        self.assertIn("main.cc:4 is not registered", output)


class Suggestions(unittest.TestCase):
    """A misspelt marker gets the same "did you mean" at configure time
    (ptest_discover_tests) as from the runner (-m), and none when it is far
    from every registered name."""
    TYPOS = {"smok": "smoke", "unti": "unit", "smk": None, "database": None}

    @classmethod
    def setUpClass(cls):
        cls.build = consumer_build()

    @staticmethod
    def suggestion(text):
        match = re.search(r"did you mean '([^']*)'", text)
        return match.group(1) if match else None

    def from_cmake(self, typo):
        source = write_project("suggest-" + typo, "ptest_discover_tests(t MARKERS %s)" % typo)
        status, output = e2e.configure(source, os.path.join(source, "build"), expect_ok=False)
        self.assertNotEqual(status, 0, output)
        text = " ".join(output.split())
        self.assertIn("ptest_discover_tests(): marker '%s' is not registered" % typo, text)
        return self.suggestion(text)

    def from_runner(self, typo):
        status, output = e2e.run([RUNNER, "-m", typo, "--collect-only"], cwd=self.build)
        self.assertEqual(status, 4, output)
        self.assertIn("ptest: error: -m: marker '%s' is not registered" % typo, output)
        return self.suggestion(output)

    def test_both_sides_know_the_same_markers(self):
        # The premise of the comparison: the consumer's registry is the default one, in the same order.
        self.assertEqual([marker["name"] for marker in e2e.manifest(self.build)["markers"]],
                         ["unit", "integration", "smoke", "slow", "serial"])

    def test_configure_and_runner_suggest_the_same_marker(self):
        for typo, expected in self.TYPOS.items():
            with self.subTest(typo=typo):
                self.assertEqual(self.from_cmake(typo), expected)
                self.assertEqual(self.from_runner(typo), expected)


class RunnerErrors(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.build = consumer_build()
        with open(os.path.join(cls.build, "ptest", "manifest.json")) as f:
            cls.manifest_text = f.read()

    def assert_usage_error(self, args, message, cwd=None):
        status, output = e2e.run([RUNNER] + args, cwd=cwd or self.build)
        self.assertEqual(status, 4, output)
        lines = output.splitlines()
        self.assertEqual(len(lines), 1, output)
        self.assertTrue(lines[0].startswith("ptest: error: "), output)
        self.assertIn(message, lines[0])

    def manifest_file(self, name, text):
        path = os.path.join(self.build, name)
        with open(path, "w") as f:
            f.write(text)
        return path

    def test_no_manifest_found(self):
        # Outside any build tree: the e2e work folder itself is inside this project's build.
        empty = tempfile.mkdtemp(prefix="ptest-e2e-")
        try:
            self.assert_usage_error([], "no manifest: ptest/manifest.json is not in this directory or above", empty)
        finally:
            shutil.rmtree(empty)

    def test_manifest_is_found_from_a_subdirectory(self):
        status, output = e2e.run([RUNNER, "--collect-only"], cwd=os.path.join(self.build, "CMakeFiles"))
        self.assertEqual(status, 0, output)
        self.assertIn("db_tests::Db.Connect", output)

    def test_missing_manifest(self):
        self.assert_usage_error(["--manifest", "/nonexistent/m.json"],
                                "manifest '/nonexistent/m.json': cannot be read: No such file or directory")

    def test_manifest_not_json(self):
        path = self.manifest_file("garbage.json", "this is not json")
        self.assert_usage_error(["--manifest", path], "manifest '%s': not valid JSON" % path)

    def test_truncated_manifest(self):
        path = self.manifest_file("truncated.json", self.manifest_text[: len(self.manifest_text) // 2])
        self.assert_usage_error(["--manifest", path], "manifest '%s': not valid JSON" % path)

    def test_other_schema_version(self):
        document = json.loads(self.manifest_text)
        document["schema_version"] = 99
        path = self.manifest_file("future.json", json.dumps(document))
        self.assert_usage_error(["--manifest", path], "schema_version 99 is not supported")

    def test_binary_gone(self):
        document = json.loads(self.manifest_text)
        document["targets"][0]["executable"] = "/nonexistent/math_tests"
        path = self.manifest_file("gone.json", json.dumps(document))
        self.assert_usage_error(["--manifest", path],
                                "test binary '/nonexistent/math_tests' of target '%s': No such file or directory"
                                % document["targets"][0]["name"])

    def test_bad_marker_expression_says_where(self):
        self.assert_usage_error(["-m", "smoke and (slow"], "-m expression 'smoke and (slow': at column 16: expected ')'")
        self.assert_usage_error(["-k", "or db"], "-k expression 'or db': at column 1")

    def test_bad_worker_counts(self):
        for value in ("0", "-3", "abc"):
            self.assert_usage_error(["-n", value], "argument -n '%s': expected a number of workers" % value)

    def test_bad_dist_mode(self):
        self.assert_usage_error(["--dist", "roundrobin"], "argument --dist 'roundrobin'")

    def test_unknown_flag(self):
        self.assert_usage_error(["--frobnicate"], "--frobnicate")

    def test_unregistered_marker_is_an_error_with_a_suggestion(self):
        self.assert_usage_error(["-m", "smok", "--collect-only"],
                                "-m: marker 'smok' is not registered; did you mean 'smoke'?")

    def test_garbage_history_is_a_warning_and_is_replaced(self):
        history = os.path.join(self.build, "ptest", "history.json")
        with open(history, "w") as f:
            f.write("\x00garbage{")
        status, output = e2e.run([RUNNER, "-k", "arith.adds"], cwd=self.build)
        self.assertEqual(status, 0, output)
        self.assertIn("ptest: warning: history '%s' is not usable and is ignored" % history, output)
        with open(history) as f:
            self.assertIn("math_tests::Arith.Adds", json.load(f)["cases"])

    def test_report_path_through_a_file(self):
        self.assert_usage_error(["--report-json", "/etc/hostname/report.json"],
                                "argument --report-json '/etc/hostname/report.json': directory '/etc/hostname' "
                                "is not writable (Not a directory)")

    def test_unwritable_report_directory(self):
        self.assert_usage_error(["--junitxml", "/nonexistent/dir/junit.xml"],
                                "argument --junitxml '/nonexistent/dir/junit.xml': directory '/nonexistent/dir' is not writable")
        self.assertFalse(os.path.exists("/nonexistent/dir/junit.xml"))


if __name__ == "__main__":
    e2e.main()
