"""ptest_add_fixture(): a setup that runs once before the cases that need it,
whatever the number of workers, exports variables to them, and a cleanup
after the last one; a failed setup fails its cases and is still cleaned up;
--trace draws each command on a track of its own. The same declaration works under CTest as FIXTURES_SETUP/REQUIRED/CLEANUP."""
import json
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

    def test_the_trace_draws_each_setup_and_cleanup_on_a_fixtures_track(self):
        trace_path = os.path.join(self.build, "trace.json")
        status, output = e2e.ptest(self.build, "-n", "2", "--trace", trace_path, "db_tests::*", "broken_tests::*")
        self.assertEqual(status, 1, output)  # broken's setup fails its cases
        with open(trace_path) as f:
            events = json.load(f)["traceEvents"]
        tracks = {e["tid"]: e["args"]["name"] for e in events if e.get("name") == "thread_name"}
        self.assertEqual(tracks, {0: "gw0", 1: "gw1", 2: "fixtures"})
        fixtures = [e for e in events if e.get("cat") == "fixture"]
        self.assertEqual(sorted(f["name"] for f in fixtures),
                         ["broken cleanup", "broken setup", "database cleanup", "database setup"])
        for fixture in fixtures:
            self.assertEqual((fixture["ph"], fixture["tid"]), ("X", 2))
            self.assertGreaterEqual(fixture["dur"], 0)
        by_name = {f["name"]: f for f in fixtures}
        self.assertEqual(by_name["broken setup"]["args"], {"fixture": "broken", "phase": "setup", "failed": True})
        self.assertEqual(by_name["database setup"]["args"], {"fixture": "database", "phase": "setup", "failed": False})
        db_processes = [e for e in events if e.get("cat") == "process" and e["name"] == "db_tests"]
        self.assertTrue(db_processes, events)
        setup = by_name["database setup"]
        self.assertLessEqual(setup["ts"] + setup["dur"], min(p["ts"] for p in db_processes))  # before its cases
        self.assertGreaterEqual(by_name["database cleanup"]["ts"], setup["ts"] + setup["dur"])

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
