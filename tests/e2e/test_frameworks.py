"""Beyond GoogleTest: one project with a GoogleTest, a Catch2 and a doctest
binary and plain tests (ptest_add_test), each with cases that pass, fail,
crash, hang and skip. One `ptest -m smoke` runs what `ctest -L smoke` runs,
every case gets its own outcome under both, a LAUNCHER (valgrind) fails the
case that leaks, a CROSSCOMPILING_EMULATOR wraps every command, and a binary
that is not of its declared framework fails the build."""
import os
import re
import shutil
import unittest

import e2e

SMOKE = [
    "catch2_suite::good: a second one",
    "catch2_suite::good: adds, with [brackets] and commas",
    "doctest_suite::good adds, with a comma",
    "gtest_suite::Good.Adds",
    "plain_passes::plain_passes",
    "plain_script::plain_script",
]

FAULTS = {
    "gtest_suite::Bad.Fails": "failed",
    "gtest_suite::Bad.Crashes": "crashed",
    "gtest_suite::Bad.Hangs": "timeout",
    "gtest_suite::Bad.Skips": "skipped",
    "catch2_suite::bad: fails": "failed",
    "catch2_suite::bad: crashes": "crashed",
    "catch2_suite::bad: hangs": "timeout",
    "catch2_suite::bad: hidden": "skipped",
    "doctest_suite::bad fails": "failed",
    "doctest_suite::bad crashes": "crashed",
    "doctest_suite::bad hangs": "timeout",
    "doctest_suite::bad skips": "skipped",
    "plain_fails::plain_fails": "failed",
    "plain_crashes::plain_crashes": "crashed",
    "plain_hangs::plain_hangs": "timeout",
    "plain_skips::plain_skips": "skipped",
}

# How `ctest` words each outcome on a test's result line.
CTEST_WORDS = {"failed": "***Failed", "crashed": "Subprocess aborted", "timeout": "***Timeout",
               "skipped": ("***Skipped", "***Not Run (Disabled)")}


class Frameworks(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.build = e2e.configure_and_build("frameworks", "frameworks")
        cls.manifest = e2e.manifest(cls.build)
        cls.cases = {case["id"]: case for case in cls.manifest["cases"]}
        cls.report_path = os.path.join(cls.build, "faults.json")
        cls.status, cls.output = e2e.ptest(cls.build, "-n", "2", "-m", "faults", "--report-json", cls.report_path)
        cls.report, cls.results = e2e.json_report(cls.report_path)

    def target(self, name):
        return next(target for target in self.manifest["targets"] if target["name"] == name)

    def test_each_binary_is_listed_with_its_framework(self):
        frameworks = {target["name"]: target["framework"] for target in self.manifest["targets"]}
        self.assertEqual(frameworks["gtest_suite"], "gtest")
        self.assertEqual(frameworks["catch2_suite"], "catch2")  # found in the binary
        self.assertEqual(frameworks["doctest_suite"], "doctest")  # declared with FRAMEWORK
        self.assertEqual(frameworks["plain_passes"], "plain")

    def test_catch2_tags_are_markers_and_hidden_cases_disabled(self):
        adds = self.cases["catch2_suite::good: adds, with [brackets] and commas"]
        self.assertEqual(adds["markers"], ["math", "smoke"])
        self.assertEqual(adds["suite"], "catch2_suite.cc")
        self.assertEqual((os.path.basename(adds["file"]), adds["line"]), ("catch2_suite.cc", 7))
        self.assertTrue(self.cases["catch2_suite::bad: hidden"]["disabled"])
        self.assertFalse(self.cases["catch2_suite::bad: fails"]["disabled"])

    def test_doctest_test_suite_is_the_suite_and_skip_is_disabled(self):
        self.assertEqual(self.cases["doctest_suite::good adds, with a comma"]["suite"], "arithmetic")
        self.assertEqual(self.cases["doctest_suite::bad crashes"]["suite"], "")
        self.assertTrue(self.cases["doctest_suite::bad skips"]["disabled"])
        self.assertEqual(self.cases["doctest_suite::bad fails"]["line"], 10)

    def test_plain_tests_keep_their_command_and_settings(self):
        script = self.target("plain_script")
        self.assertEqual(script["executable"], "sh")
        self.assertEqual(script["arguments"][0], "-c")
        self.assertEqual(self.target("plain_skips")["skip_return_code"], 77)
        self.assertEqual(self.cases["plain_hangs::plain_hangs"]["timeout"], 3)

    def test_smoke_selects_what_ctest_label_smoke_selects(self):
        self.assertEqual(e2e.collect(self.build, "-m", "smoke"), SMOKE)
        self.assertEqual(e2e.ctest_names(self.build, "-L", "smoke"), SMOKE)

    def test_one_smoke_run_passes_across_every_framework(self):
        status, output = e2e.ptest(self.build, "-n", "2", "-m", "smoke")
        self.assertEqual(status, 0, output)
        self.assertIn("6 passed", output)

    def test_ctest_label_smoke_passes_with_names_that_need_escaping(self):
        status, output = e2e.run([e2e.CTEST, "-L", "smoke", "-j", "2"], cwd=self.build)
        self.assertEqual(status, 0, output)
        self.assertIn("0 tests failed out of 6", output)

    def test_every_misbehaving_case_has_its_own_outcome(self):
        outcomes = {case_id: case["outcome"] for case_id, case in self.results.items()}
        self.assertEqual(outcomes, FAULTS, self.output)
        self.assertEqual(self.status, 1, self.output)

    def test_a_crash_keeps_the_framework_report_as_output(self):
        self.assertIn("FatalErrorCondition", self.results["catch2_suite::bad: crashes"]["output"])
        self.assertIn('crash="true"', self.results["doctest_suite::bad crashes"]["output"])

    def test_ctest_gives_each_case_the_same_outcome(self):
        status, output = e2e.run([e2e.CTEST, "-L", "faults", "-j", "4"], cwd=self.build)
        self.assertNotEqual(status, 0, output)
        for case_id, outcome in FAULTS.items():
            line = next((line for line in output.splitlines() if re.search(r"Test +#\d+: " + re.escape(case_id) + " ", line)), "")
            words = CTEST_WORDS[outcome]
            self.assertTrue(any(word in line for word in ([words] if isinstance(words, str) else words)),
                            "%s: %r\n%s" % (case_id, line, output))

    def test_each_ctest_test_has_its_source_line(self):
        tests = e2e.ctest_tests(self.build, "-R", "^catch2_suite::good: a second")
        properties = tests["catch2_suite::good: a second one"]
        if "DEF_SOURCE_LINE" in properties:  # CMake 4.2 and later report it
            self.assertTrue(properties["DEF_SOURCE_LINE"].endswith("catch2_suite.cc:8"))
        with open(os.path.join(self.build, "ptest", "ctest", "catch2_suite.cmake")) as f:
            self.assertRegex(f.read(), r"DEF_SOURCE_LINE \[=*\[[^]]*catch2_suite\.cc:8\]")

    def test_the_emulator_wraps_the_listing_every_batch_and_ctest(self):
        self.assertEqual(self.target("emulated_suite")["launcher"][0], "sh")
        status, output = e2e.ptest(self.build, "-n", "2", "-m", "emulated")
        self.assertEqual(status, 0, output)
        with open(os.path.join(self.build, "emulator.log")) as f:
            log = f.read()
        self.assertIn("--gtest_list_tests", log)  # at build time
        self.assertIn("--gtest_filter=Emulated.", log)  # each batch
        # And under CTest: its last line is the one CTest's test ran.
        status, output = e2e.run([e2e.CTEST, "-R", "Emulated.One"], cwd=self.build)
        self.assertEqual(status, 0, output)
        with open(os.path.join(self.build, "emulator.log")) as f:
            self.assertIn("--gtest_filter=Emulated.One", f.read().splitlines()[-1])

    @unittest.skipUnless(shutil.which("valgrind"), "valgrind is not installed")
    def test_under_valgrind_the_case_that_leaks_fails(self):
        self.assertEqual(self.target("leaky_suite")["launcher"][0], "valgrind")
        path = os.path.join(self.build, "memcheck.json")
        status, output = e2e.ptest(self.build, "-n", "2", "-m", "memcheck", "--report-json", path)
        _, results = e2e.json_report(path)
        self.assertEqual(status, 1, output)
        self.assertEqual(results["leaky_suite::clean"]["outcome"], "passed", output)
        self.assertEqual(results["leaky_suite::leaks"]["outcome"], "failed", output)
        self.assertIn("definitely lost", results["leaky_suite::leaks"]["output"])
        self.assertIn("after the case passed", results["leaky_suite::leaks"]["message"])


# A program that answers Catch2's listing flags (it names them, so it is
# taken for Catch2) with the listings given: names only, then `-v high`.
FAKE_CATCH2 = r"""#include <cstdio>
#include <cstring>
int main(int argc, char** argv) {
  if (argc > 1 && std::strcmp(argv[1], "--list-test-names-only") == 0) { std::puts("%s"); return 1; }
  if (argc > 1 && std::strcmp(argv[1], "--list-tests") == 0) { std::puts("Matching test cases:\n%s"); return 1; }
  return 0;
}
"""

PROJECT = """cmake_minimum_required(VERSION 3.20)
project(bad CXX)
find_package(PTest CONFIG REQUIRED)
enable_testing()
add_executable(t main.cc)
%s
"""


def write_project(name, call, source="int main() { return 0; }\n"):
    directory = os.path.join(e2e.WORK, "frameworks-errors", name)
    shutil.rmtree(directory, ignore_errors=True)
    os.makedirs(directory)
    with open(os.path.join(directory, "CMakeLists.txt"), "w") as f:
        f.write(PROJECT % call)
    with open(os.path.join(directory, "main.cc"), "w") as f:
        f.write(source)
    return directory


class FrameworkErrors(unittest.TestCase):
    def assert_build_fails(self, name, call, source, *messages):
        directory = write_project(name, call, source)
        build = os.path.join(directory, "build")
        e2e.configure(directory, build)
        status, output = e2e.build(build, expect_ok=False)
        self.assertNotEqual(status, 0, output)
        for message in messages:
            self.assertIn(message, output)
        self.assertFalse(os.path.exists(os.path.join(build, "ptest", "fragments", "t.json")), output)

    def test_a_binary_that_is_not_of_its_declared_framework_fails_the_build(self):
        self.assert_build_fails("not_doctest", "ptest_discover_tests(t FRAMEWORK doctest)",
                                "int main() { return 0; }\n",
                                "ptest_discover_tests(): cannot list the cases of target 't'",
                                "it is not a doctest test binary")

    def test_an_unregistered_catch2_tag_fails_the_build(self):
        listing = FAKE_CATCH2 % ("one", "  one\\n    fake.cc:3\\n    (NO DESCRIPTION)\\n      [smok]\\n")
        self.assert_build_fails("unregistered_tag", "ptest_discover_tests(t)", listing,
                                "marker 'smok' (a tag of case 'one' at fake.cc:3) is not registered; "
                                "did you mean 'smoke'?")

    def test_a_catch2_name_no_filter_can_choose_alone_fails_the_build(self):
        listing = FAKE_CATCH2 % ("Same\\nsame", "  Same\\n    fake.cc:3\\n    x\\n  same\\n    fake.cc:4\\n    x\\n")
        self.assert_build_fails("case_twins", "ptest_discover_tests(t)", listing,
                                "case 'same': Catch2 matches names regardless of case, and 'Same' is a case too")

    def test_bad_ptest_add_test_calls_fail_configure(self):
        for name, call, message in [
                ("no_command", "ptest_add_test(NAME x)", "ptest_add_test(): test 'x' needs a COMMAND"),
                ("skip_code", "ptest_add_test(NAME x COMMAND t SKIP_RETURN_CODE 300)",
                 "SKIP_RETURN_CODE '300' is not an exit status from 1 to 255"),
                ("twice", "ptest_add_test(NAME x COMMAND t)\nptest_add_test(NAME x COMMAND t)",
                 "the name 'x' is already a test or a discovered target"),
                ("unknown", "ptest_add_test(BOGUS NAME x COMMAND t)", "unknown argument(s) 'BOGUS'")]:
            directory = write_project("add_test_" + name, call)
            status, output = e2e.configure(directory, os.path.join(directory, "build"), expect_ok=False)
            self.assertNotEqual(status, 0, output)
            self.assertIn(message, " ".join(output.split()))

    def test_an_unknown_framework_fails_configure(self):
        directory = write_project("unknown", "ptest_discover_tests(t FRAMEWORK boost)")
        status, output = e2e.configure(directory, os.path.join(directory, "build"), expect_ok=False)
        self.assertNotEqual(status, 0, output)
        self.assertIn("FRAMEWORK 'boost' is not auto or gtest or catch2 or doctest or plain", " ".join(output.split()))


if __name__ == "__main__":
    e2e.main()
