"""2,000 cases in one binary: `cmake --build --target ptest`, `ctest -L smoke`
and `ptest -n 2 -m "smoke and not slow"` run the same cases with the same
outcomes."""
import os
import unittest
import xml.etree.ElementTree as ElementTree

import e2e

CTEST_OUTCOME = {"run": "passed", "fail": "failed", "notrun": "skipped", "disabled": "skipped"}


def ctest_outcomes(build, *args):
    junit = os.path.join(build, "ctest-junit.xml")
    e2e.run([e2e.CTEST, "-j2", "--output-junit", junit] + list(args), cwd=build)
    return {case.get("name"): CTEST_OUTCOME[case.get("status")]
            for case in ElementTree.parse(junit).getroot().iter("testcase")}


def runner_outcomes(build, *args):
    report = os.path.join(build, "report.json")
    status, output = e2e.ptest(build, "--report-json", report, *args)
    _, cases = e2e.json_report(report)
    return status, output, {case_id: case["outcome"] for case_id, case in cases.items()}


class Large(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.build = e2e.configure_and_build("large", "large")

    def test_manifest_holds_2000_cases(self):
        self.assertEqual(len(e2e.manifest(self.build)["cases"]), 2000)
        self.assertEqual(len(e2e.ctest_names(self.build)), 2000)

    def test_ptest_target_runs_all_2000(self):
        status, output = e2e.build(self.build, "ptest", expect_ok=False)
        self.assertNotEqual(status, 0, "a failing case must fail the 'ptest' target")
        self.assertIn("1998 passed, 1 failed, 1 skipped in ", output)
        self.assertIn("FAILED big_tests::Gen/Fast.Case/13", output)

    def test_ctest_label_and_runner_marker_give_same_cases_and_outcomes(self):
        from_ctest = ctest_outcomes(self.build, "-L", "^smoke$")
        status, output, from_runner = runner_outcomes(self.build, "-n", "2", "-m", "smoke")
        self.assertEqual(status, 1, output)
        self.assertEqual(len(from_ctest), 222)
        self.assertEqual(from_runner, from_ctest)
        self.assertEqual(from_runner["big_tests::Gen/Fast.Case/13"], "failed")
        self.assertEqual(from_runner["big_tests::Gen/Fast.Case/17"], "skipped")

    def test_smoke_and_not_slow(self):
        from_ctest = ctest_outcomes(self.build, "-L", "^smoke$", "-LE", "^slow$")
        status, output, from_runner = runner_outcomes(self.build, "-n", "2", "-m", "smoke and not slow")
        self.assertEqual(from_runner, from_ctest)
        self.assertEqual(len(from_runner), 111)
        self.assertTrue(all(case_id.startswith("big_tests::Gen/Fast.") for case_id in from_runner))
        self.assertIn("109 passed, 1 failed, 1 skipped in ", output.splitlines()[-1])


if __name__ == "__main__":
    e2e.main()
