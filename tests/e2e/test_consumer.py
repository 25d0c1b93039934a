"""A consumer project that finds an installed ptest: the manifest, CTest's
labels and the runner all name the same cases, and both run them."""
import os
import unittest

import e2e

MATH = ["Arith.Adds", "Arith.SlowMultiplies", "Gen/Param.Positive/0", "Gen/Param.Positive/1",
        "Gen/Param.Positive/2", "Strings.Concatenates", "Strings.SeesWorkerEnvironment",
        "Typed/0.DefaultIsZero", "Typed/1.DefaultIsZero"]
DB = ["Cache.Warms", "Db.Connect", "Db.Insert", "Db.Query"]
ALL = sorted(["math_tests::" + name for name in MATH] + ["db_tests::" + name for name in DB])


class Consumer(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.build = e2e.configure_and_build("consumer", "consumer", "-DPTEST_USE=find_package")

    def test_manifest_lists_every_case_with_markers_and_scope(self):
        manifest = e2e.manifest(self.build)
        self.assertEqual(manifest["schema_version"], 1)
        cases = {case["id"]: case for case in manifest["cases"]}
        self.assertEqual(sorted(cases), ALL)
        adds = cases["math_tests::Arith.Adds"]
        self.assertEqual(adds["markers"], ["smoke", "unit"])
        self.assertEqual((adds["target"], adds["suite"], adds["name"]), ("math_tests", "Arith", "Arith.Adds"))
        self.assertTrue(adds["file"].endswith("math_test.cc"), adds["file"])
        self.assertEqual(adds["line"], 6)
        self.assertEqual(adds["timeout"], 60)
        self.assertEqual(cases["math_tests::Arith.SlowMultiplies"]["markers"], ["slow", "smoke", "unit"])
        self.assertEqual(cases["db_tests::Db.Insert"]["group"], "database")
        self.assertIsNone(cases["db_tests::Cache.Warms"]["group"])
        targets = {target["name"]: target for target in manifest["targets"]}
        self.assertEqual(targets["db_tests"]["environment"], {"CONSUMER_FLAVOUR": "strawberry"})
        self.assertTrue(os.access(targets["db_tests"]["executable"], os.X_OK))

    def test_every_marker_is_a_ctest_label(self):
        tests = e2e.ctest_tests(self.build)
        self.assertEqual(sorted(tests), ALL)
        self.assertEqual(tests["math_tests::Arith.SlowMultiplies"]["LABELS"], ["slow", "smoke", "unit"])
        self.assertEqual(tests["db_tests::Db.Connect"]["LABELS"], ["integration", "smoke"])
        self.assertEqual(tests["db_tests::Db.Query"]["RESOURCE_LOCK"], ["ptest_group_database"])
        self.assertEqual(tests["math_tests::Arith.Adds"]["TIMEOUT"], 60)

    def test_ctest_labels_and_runner_markers_select_the_same_cases(self):
        for marker in ("unit", "integration", "smoke", "slow"):
            self.assertEqual(e2e.ctest_names(self.build, "-L", "^%s$" % marker), e2e.collect(self.build, "-m", marker),
                             marker)
        self.assertEqual(e2e.ctest_names(self.build, "-LE", "slow"), e2e.collect(self.build, "-m", "not slow"))
        self.assertEqual(e2e.collect(self.build, "-m", "smoke and not slow"),
                         ["db_tests::Db.Connect", "math_tests::Arith.Adds", "math_tests::Gen/Param.Positive/0",
                          "math_tests::Gen/Param.Positive/1", "math_tests::Gen/Param.Positive/2"])

    def test_keywords_and_patterns_select_by_id(self):
        self.assertEqual(e2e.collect(self.build, "-k", "typed or CACHE"),
                         ["db_tests::Cache.Warms", "math_tests::Typed/0.DefaultIsZero",
                          "math_tests::Typed/1.DefaultIsZero"])
        self.assertEqual(e2e.collect(self.build, "db_tests::Db.*"),
                         ["db_tests::Db.Connect", "db_tests::Db.Insert", "db_tests::Db.Query"])

    def test_ctest_runs_every_case(self):
        status, output = e2e.run([e2e.CTEST, "-j2", "--output-on-failure"], cwd=self.build)
        self.assertEqual(status, 0, output)
        self.assertIn("100% tests passed, 0 tests failed out of 13", output)

    def test_runner_runs_every_case_and_reports_each(self):
        report_path = os.path.join(self.build, "report.json")
        junit_path = os.path.join(self.build, "junit.xml")
        status, output = e2e.ptest(self.build, "-n", "2", "--report-json", report_path, "--junitxml", junit_path)
        self.assertEqual(status, 0, output)
        self.assertIn("13 passed in ", output.splitlines()[-1])
        report, cases = e2e.json_report(report_path)
        self.assertEqual(sorted(cases), ALL)
        self.assertEqual(report["summary"]["passed"], 13)
        self.assertEqual(report["workers"], 2)
        for case in cases.values():
            self.assertEqual(case["outcome"], "passed", case)
            self.assertIn(case["worker"], ("gw0", "gw1"))
            self.assertLessEqual(case["start"], case["stop"])
            self.assertAlmostEqual(case["duration"], case["stop"] - case["start"], places=5)
        # The group's cases ran on one worker, one after another.
        group = sorted((cases["db_tests::" + name] for name in ("Db.Connect", "Db.Insert", "Db.Query")),
                       key=lambda case: case["start"])
        self.assertEqual(len({case["worker"] for case in group}), 1)
        for before, after in zip(group, group[1:]):
            self.assertLessEqual(before["stop"], after["start"])
        junit = e2e.junit_cases(junit_path)
        self.assertEqual(len(junit), 13)
        self.assertEqual(junit["db_tests.Db.Connect"][0], "passed")

    def workers_used(self, *args, prefix=()):
        report_path = os.path.join(self.build, "workers.json")
        status, output = e2e.run(list(prefix) + [os.path.join(self.build, "ptest", "ptest"), "--report-json",
                                                 report_path] + list(args), cwd=self.build)
        self.assertEqual(status, 0, output)
        report, cases = e2e.json_report(report_path)
        return report["workers"], {case["worker"] for case in cases.values()}

    def test_auto_workers_follow_the_affinity_mask(self):
        self.assertEqual(self.workers_used("-n", "auto", prefix=("taskset", "-c", "0")), (1, {"gw0"}))

    def test_never_more_workers_than_units_of_work(self):
        # The three Db cases form one group: one unit, so one worker.
        self.assertEqual(self.workers_used("-n", "8", "-k", "Db."), (1, {"gw0"}))
        self.assertEqual(self.workers_used("-n", "8", "-k", "Typed"), (2, {"gw0", "gw1"}))

    def test_exit_status_5_when_nothing_is_selected(self):
        status, output = e2e.ptest(self.build, "-m", "smoke and integration and slow")
        self.assertEqual(status, 5, output)
        self.assertIn("no tests selected", output)

    def test_ptest_build_target_runs_the_manifest_with_addopts(self):
        status, output = e2e.run([e2e.CMAKE, "--build", self.build, "--target", "ptest"],
                                 env={"PTEST_ADDOPTS": "-k typed -v"})
        self.assertEqual(status, 0, output)
        self.assertIn("2 passed in ", output)
        self.assertIn("PASSED  math_tests::Typed/1.DefaultIsZero", output)


if __name__ == "__main__":
    e2e.main()
