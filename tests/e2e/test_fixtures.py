"""ptest_add_fixture(): a setup that runs once before the cases that need it,
whatever the number of workers, exports variables to them, and a cleanup
after the last one; a failed setup fails its cases and is still cleaned up.
The same declaration works under CTest as FIXTURES_SETUP/REQUIRED/CLEANUP."""
import os
import unittest

import e2e


class Fixtures(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.build = e2e.configure_and_build("fixtures", "fixtures")
        cls.log = os.path.join(cls.build, "fixture-log.txt")

    def read_log(self):
        with open(self.log) as f:
            return f.read().split()

    def clear_log(self):
        if os.path.exists(self.log):
            os.remove(self.log)

    def test_setup_once_export_reaches_cases_cleanup_after_the_last(self):
        self.clear_log()
        report_path = os.path.join(self.build, "report.json")
        status, output = e2e.ptest(self.build, "-n", "4", "--report-json", report_path, "db_tests::*", "plain_tests::*")
        self.assertEqual(status, 0, output)
        self.assertEqual(self.read_log(), ["setup"] + ["case"] * 8 + ["cleanup"])
        _, cases = e2e.json_report(report_path)
        self.assertEqual(len({case["worker"] for case_id, case in cases.items() if case_id.startswith("db_tests")}), 4)

    def test_failed_setup_fails_its_cases_runs_nothing_of_them_and_still_cleans_up(self):
        self.clear_log()
        report_path = os.path.join(self.build, "report.json")
        status, output = e2e.ptest(self.build, "-n", "2", "--report-json", report_path, "broken_tests::*",
                                   "plain_tests::*")
        self.assertEqual(status, 1, output)
        _, cases = e2e.json_report(report_path)
        for name in ("Plain.HasNoFixtureVariable", "Plain.Passes"):
            self.assertEqual(cases["broken_tests::" + name]["outcome"], "failed")
            self.assertIn("fixture 'broken' setup exited with status 3", cases["broken_tests::" + name]["message"])
            self.assertIn("cannot reach the server", cases["broken_tests::" + name]["message"])
            self.assertEqual(cases["plain_tests::" + name]["outcome"], "passed")
        self.assertEqual(self.read_log(), ["broken-cleanup"])

    def test_ctest_runs_the_same_fixture_around_the_same_cases(self):
        tests = e2e.ctest_tests(self.build)
        self.assertEqual(tests["db_tests::Eight/Db.SeesTheFixture/0"]["FIXTURES_REQUIRED"], ["database"])
        self.assertEqual(tests["ptest_fixture::database::setup"]["FIXTURES_SETUP"], ["database"])
        self.assertEqual(tests["ptest_fixture::database::cleanup"]["FIXTURES_CLEANUP"], ["database"])
        self.clear_log()
        status, output = e2e.run([e2e.CTEST, "-j4", "-R", "^db_tests::"], cwd=self.build)
        self.assertEqual(status, 0, output)
        self.assertIn("0 tests failed out of 10", output)  # 8 cases, the setup and the cleanup
        self.assertEqual(self.read_log(), ["setup"] + ["case"] * 8 + ["cleanup"])


if __name__ == "__main__":
    e2e.main()
