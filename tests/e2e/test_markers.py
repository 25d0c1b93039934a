"""Registered markers: ptest_markers(), per-marker defaults, SERIAL, and how
the runner lists and checks them."""
import json
import os
import unittest

import e2e


class Registry(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.build = e2e.configure_and_build("registry", "registry")

    def test_manifest_holds_the_registry_and_marker_defaults(self):
        manifest = e2e.manifest(self.build)
        registry = {marker["name"]: marker["description"] for marker in manifest["markers"]}
        self.assertEqual(registry["e2e"], "end-to-end tests through the user interface")
        self.assertEqual(sorted(registry), ["db", "e2e", "integration", "serial", "slow", "smoke", "unit"])
        cases = {case["id"]: case for case in manifest["cases"]}
        self.assertEqual(cases["app_tests::Report.Builds"]["timeout"], 300)  # slow's default beats TIMEOUT 20
        self.assertEqual(cases["app_tests::Ui.LogsIn"]["timeout"], 20)
        self.assertEqual(cases["app_tests::Migration.Up"]["markers"], ["serial", "unit"])

    def test_ctest_gets_run_serial_and_the_marker_timeout(self):
        tests = e2e.ctest_tests(self.build)
        self.assertTrue(tests["app_tests::Migration.Down"]["RUN_SERIAL"])
        self.assertNotIn("RUN_SERIAL", tests["app_tests::Ui.LogsIn"])
        self.assertEqual(tests["app_tests::Report.Builds"]["TIMEOUT"], 300)
        self.assertEqual(e2e.ctest_names(self.build, "-L", "^serial$"), e2e.collect(self.build, "-m", "serial"))

    def test_serial_cases_never_overlap_another(self):
        report_path = os.path.join(self.build, "report.json")
        status, output = e2e.ptest(self.build, "-n", "4", "--report-json", report_path)
        self.assertEqual(status, 0, output)
        _, cases = e2e.json_report(report_path)
        self.assertEqual(len(cases), 28)
        for serial_id in ("app_tests::Migration.Up", "app_tests::Migration.Down"):
            serial = cases[serial_id]
            for other_id, other in cases.items():
                if other_id != serial_id:
                    overlap = min(serial["stop"], other["stop"]) - max(serial["start"], other["start"])
                    self.assertLessEqual(overlap, 0, "%s overlaps %s" % (serial_id, other_id))

    def test_markers_lists_every_registered_marker_with_its_count(self):
        status, output = e2e.ptest(self.build, "--markers")
        self.assertEqual(status, 0, output)
        lines = {line.split()[0]: line for line in output.splitlines()}
        self.assertRegex(lines["e2e"], r"^e2e\s+1 case\s+end-to-end tests through the user interface$")
        self.assertRegex(lines["db"], r"^db\s+1 case\s+needs the database$")
        self.assertRegex(lines["integration"], r"^integration\s+0 cases\s")
        self.assertRegex(lines["serial"], r"^serial\s+2 cases\s")
        self.assertRegex(lines["unit"], r"^unit\s+28 cases\s")

    def test_markers_declared_in_the_source_with_ptest_mark(self):
        cases = {case["id"]: case for case in e2e.manifest(self.build)["cases"]}
        self.assertEqual(cases["app_tests::Ui.LogsIn"]["markers"], ["db", "e2e", "smoke", "unit"])
        smoke = e2e.collect(self.build, "-m", "smoke")
        self.assertEqual(len(smoke), 25)  # Ui.LogsIn and the 24 Many/Calc.Adds/N
        self.assertIn("app_tests::Many/Calc.Adds/23", smoke)
        self.assertEqual(smoke, e2e.ctest_names(self.build, "-L", "^smoke$"))

    def test_registered_marker_without_cases_selects_nothing_quietly(self):
        status, output = e2e.ptest(self.build, "-m", "integration", "--collect-only")
        self.assertEqual(status, 5, output)
        self.assertEqual(output, "")
        self.assertEqual(len(e2e.collect(self.build, "-m", "not e2e")), 27)

    def test_unregistered_marker_in_m_is_an_error_with_a_suggestion(self):
        status, output = e2e.ptest(self.build, "-m", "e2ee or smoke")
        self.assertEqual(status, 4, output)
        self.assertIn("ptest: error: -m: marker 'e2ee' is not registered; did you mean 'e2e'?", output)

    def test_collect_only_json(self):
        status, output = e2e.ptest(self.build, "--collect-only", "--json", "-k", "ui.")
        self.assertEqual(status, 0, output)
        document = json.loads(output)
        self.assertEqual(document["schema_version"], 1)
        (case,) = document["cases"]
        self.assertEqual(case["id"], "app_tests::Ui.LogsIn")
        self.assertEqual(case["markers"], ["db", "e2e", "smoke", "unit"])
        self.assertEqual(case["scope"]["target"], "app_tests")
        self.assertEqual(case["scope"]["suite"], "Ui")
        self.assertTrue(case["scope"]["file"].endswith("app_test.cc"))
        self.assertEqual(case["scope"]["line"], 10)
        self.assertIsNone(case["group"])
        self.assertEqual(case["command"][1:], ["--gtest_filter=Ui.LogsIn"])
        self.assertTrue(os.access(case["command"][0], os.X_OK))


if __name__ == "__main__":
    e2e.main()
