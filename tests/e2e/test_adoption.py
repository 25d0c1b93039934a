"""Adopting ptest in one line: a project's helper function calls
ptest_discover_tests() for every test target, GoogleTest or not. A binary
with its own main() does not break the build: it gets a warning and runs as
one plain case, its exit status the outcome, under the runner and CTest
alike; STRICT turns the warning into the error."""
import os
import unittest

import e2e


class Adoption(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.build = os.path.join(e2e.WORK, "adoption")
        e2e.configure(os.path.join(e2e.PROJECTS, "adoption"), cls.build)
        _, cls.build_output = e2e.build(cls.build)

    def test_the_build_warns_once_per_plain_binary_naming_it_and_what_it_saw(self):
        for target in ("selfcheck", "checksum_check"):
            warning = ("ptest_discover_tests(): warning: target '%s' is not a GoogleTest binary: "
                       "it does not contain GoogleTest; registered as one plain case" % target)
            self.assertEqual(self.build_output.count(warning), 1, self.build_output)
        warning = ("ptest_discover_tests(): warning: target 'custom_main_check' is not a GoogleTest binary: "
                   "it exited with status 0 and wrote no GoogleTest listing (it printed 'custom runner: 3 checks passed'); "
                   "registered as one plain case")
        self.assertEqual(self.build_output.count(warning), 1, self.build_output)
        self.assertNotIn("target 'cart_tests' is not", self.build_output)

    def test_the_manifest_holds_each_plain_binary_as_one_case(self):
        manifest = e2e.manifest(self.build)
        frameworks = {target["name"]: target["framework"] for target in manifest["targets"]}
        self.assertEqual(frameworks, {"cart_tests": "gtest", "custom_main_check": "plain", "selfcheck": "plain",
                                      "checksum_check": "plain"})
        ids = sorted(case["id"] for case in manifest["cases"])
        self.assertEqual(ids, ["cart_tests::Cart.AddsItems", "cart_tests::Cart.StartsEmpty",
                               "checksum_check::checksum_check", "custom_main_check::custom_main_check",
                               "selfcheck::selfcheck"])
        self.assertTrue(all(case["markers"] == ["unit"] for case in manifest["cases"]))

    def test_the_runner_runs_both_kinds_and_a_failing_plain_case_fails_the_run(self):
        report_path = os.path.join(self.build, "report.json")
        status, output = e2e.ptest(self.build, "-n", "2", "-m", "unit", "--report-json", report_path)
        self.assertEqual(status, 1, output)
        _, cases = e2e.json_report(report_path)
        self.assertEqual(cases["cart_tests::Cart.AddsItems"]["outcome"], "passed")
        self.assertEqual(cases["selfcheck::selfcheck"]["outcome"], "passed")
        self.assertEqual(cases["custom_main_check::custom_main_check"]["outcome"], "passed")
        failed = cases["checksum_check::checksum_check"]
        self.assertEqual(failed["outcome"], "failed")
        self.assertIn("exited with status 3", failed["message"])
        self.assertIn("checksum mismatch", failed["output"])

    def test_ctest_runs_the_same_cases_with_the_same_outcomes(self):
        self.assertEqual(e2e.ctest_names(self.build, "-L", "unit"),
                         ["cart_tests::Cart.AddsItems", "cart_tests::Cart.StartsEmpty",
                          "checksum_check::checksum_check", "custom_main_check::custom_main_check",
                          "selfcheck::selfcheck"])
        status, output = e2e.run([e2e.CTEST, "-j2", "-L", "unit"], cwd=self.build)
        self.assertEqual(status, 8, output)
        self.assertIn("80% tests passed, 1 tests failed out of 5", output)
        self.assertIn("checksum_check::checksum_check (Failed)", output)

    def test_strict_makes_a_plain_binary_fail_the_build(self):
        build = os.path.join(e2e.WORK, "adoption-strict")
        e2e.configure(os.path.join(e2e.PROJECTS, "adoption"), build, "-DWITH_STRICT_TARGET=ON")
        status, output = e2e.build(build, expect_ok=False)
        self.assertNotEqual(status, 0, output)
        self.assertIn("ptest_discover_tests(): cannot list the cases of target 'strict_check'", output)
        self.assertIn("target 'strict_check' is not a GoogleTest binary: it does not contain GoogleTest (STRICT)",
                      output)


if __name__ == "__main__":
    e2e.main()
