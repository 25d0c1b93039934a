"""The three ways a project takes ptest, add_subdirectory(), FetchContent
and find_package() (the last in test_consumer.py), each give
ptest_discover_tests(), the runner and the 'ptest' target; PRE_TEST
discovery lists the cases when ctest starts instead of at build time."""
import os
import re
import shutil
import unittest

import e2e


class Consumption(unittest.TestCase):
    def check_project(self, build):
        cases = {case["id"]: case for case in e2e.manifest(build)["cases"]}
        self.assertEqual(len(cases), 13)
        self.assertEqual(cases["math_tests::Arith.SlowMultiplies"]["markers"], ["slow", "smoke", "unit"])
        self.assertEqual(cases["db_tests::Db.Insert"]["group"], "database")
        self.assertEqual(e2e.collect(build, "-m", "smoke and not slow"),
                         ["db_tests::Db.Connect", "math_tests::Arith.Adds", "math_tests::Gen/Param.Positive/0",
                          "math_tests::Gen/Param.Positive/1", "math_tests::Gen/Param.Positive/2"])
        self.assertEqual(e2e.ctest_names(build, "-L", "^smoke$"), e2e.collect(build, "-m", "smoke"))
        status, output = e2e.build(build, "ptest")
        self.assertIn("13 passed in ", output)

    def test_add_subdirectory(self):
        build = e2e.configure_and_build("consumer", "via-add-subdirectory", "-DPTEST_USE=add_subdirectory",
                                        "-DPTEST_SOURCE_DIR=" + e2e.SOURCE_DIR)
        self.check_project(build)
        # ptest's own tests stay out of a consumer's build.
        self.assertNotIn("ptest_unit_tests", " ".join(e2e.ctest_names(build)))

    def test_fetchcontent(self):
        build = e2e.configure_and_build("consumer", "via-fetchcontent", "-DPTEST_USE=fetchcontent",
                                        "-DPTEST_SOURCE_DIR=" + e2e.SOURCE_DIR)
        self.check_project(build)

    def test_ctest_mode_runner_runs_each_labelled_case_once_through_the_runner(self):
        build = e2e.configure_and_build("consumer", "ctest-mode-runner", "-DPTEST_CTEST_MODE=RUNNER")
        tests = e2e.ctest_tests(build)
        self.assertIn("math_tests::[slow,smoke,unit]", tests)
        self.assertEqual(tests["math_tests::[slow,smoke,unit]"]["LABELS"], ["slow", "smoke", "unit"])
        self.assertLess(len(tests), 13)  # a test per marker set, not per case
        for args, expression in ((["-L", "^smoke$"], "smoke"), (["-L", "^unit$", "-LE", "^slow$"], "unit and not slow"),
                                 ([], None)):
            status, output = e2e.run([e2e.CTEST, "-V"] + args, cwd=build)
            self.assertEqual(status, 0, output)
            ran = sum(int(count) for count in re.findall(r"^\d+: (\d+) passed", output, re.MULTILINE))
            expected = len(e2e.collect(build, "-m", expression) if expression else e2e.collect(build))
            self.assertEqual(ran, expected, "ctest %s ran %d cases through the runner, not %d" % (args, ran, expected))

    def test_changed_markers_are_rediscovered_without_touching_the_binary(self):
        source = os.path.join(e2e.WORK, "rediscover-src")
        shutil.rmtree(source, ignore_errors=True)
        shutil.copytree(os.path.join(e2e.PROJECTS, "consumer"), source)
        build = os.path.join(e2e.WORK, "rediscover")
        e2e.configure(source, build)
        e2e.build(build)
        self.assertEqual(e2e.collect(build, "-m", "smoke and integration"), ["db_tests::Db.Connect"])
        lists = os.path.join(source, "CMakeLists.txt")
        with open(lists) as f:
            text = f.read()
        with open(lists, "w") as f:
            f.write(text.replace('MARK smoke "Db.Connect"', 'MARK smoke "Db.Connect" "Db.Query"'))
        e2e.build(build)  # reconfigures, then must list db_tests again
        self.assertEqual(e2e.collect(build, "-m", "smoke and integration"),
                         ["db_tests::Db.Connect", "db_tests::Db.Query"])
        self.assertEqual(e2e.ctest_names(build, "-L", "^smoke$", "-L", "^integration$"),
                         ["db_tests::Db.Connect", "db_tests::Db.Query"])

    def test_ctest_gives_concurrent_cases_different_worker_names(self):
        build = e2e.configure_and_build("ctest_workers", "ctest-workers")
        log = os.path.join(build, "workers.log")
        runs = []
        for _ in range(2):
            if os.path.exists(log):
                os.remove(log)
            status, output = e2e.run([e2e.CTEST, "-j4"], cwd=build)
            self.assertEqual(status, 0, output)
            with open(log) as f:
                runs.append([line.split() for line in f])
        for lines in runs:
            self.assertEqual(len(lines), 8)
            self.assertEqual(len({line[1] for line in lines}), 1, "one PTEST_TESTRUN_UID per ctest run")
            for worker, uid, tmpdir, count, start, stop in lines:
                self.assertRegex(worker, r"^gw\d+$")
                self.assertTrue(tmpdir.endswith("/ptest/workers/" + worker), tmpdir)
                self.assertGreaterEqual(int(count), 1)
            for a in lines:
                for b in lines:
                    if a is not b and min(int(a[5]), int(b[5])) > max(int(a[4]), int(b[4])):
                        self.assertNotEqual(a[0], b[0], "two cases ran at once as %s" % a[0])
        self.assertNotEqual(runs[0][0][1], runs[1][0][1], "each ctest run has its own PTEST_TESTRUN_UID")

    def test_pre_test_discovery(self):
        build = e2e.configure_and_build("pre_test", "pre-test")
        manifest = os.path.join(build, "ptest", "manifest.json")
        self.assertFalse(os.path.exists(manifest), "PRE_TEST must not list the cases at build time")
        status, output = e2e.run([e2e.CTEST, "-L", "smoke"], cwd=build)
        self.assertEqual(status, 0, output)
        self.assertIn("100% tests passed, 0 tests failed out of 1", output)
        self.assertEqual(e2e.collect(build), ["late::Late.One", "late::Late.Two"])

    def test_pre_test_targets_are_listed_by_the_ptest_target(self):
        build = e2e.configure_and_build("pre_test", "pre-test-target")
        status, output = e2e.build(build, "ptest")
        self.assertIn("2 passed in ", output)


if __name__ == "__main__":
    e2e.main()
