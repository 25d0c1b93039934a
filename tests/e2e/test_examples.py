"""Every example under examples/ builds and passes (the main one with its
CMake presets), under the runner and under ctest, with the same cases
selected both ways."""
import json
import os
import shutil
import unittest

import e2e

EXAMPLES = os.path.join(e2e.SOURCE_DIR, "examples")


class Inventory(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # A copy, so the presets' build dir (./build) is not made in the checkout.
        cls.source = os.path.join(e2e.WORK, "example-inventory")
        shutil.rmtree(cls.source, ignore_errors=True)
        shutil.copytree(os.path.join(EXAMPLES, "inventory"), cls.source, ignore=shutil.ignore_patterns("build"))
        cls.build = os.path.join(cls.source, "build")
        for command in ([e2e.CMAKE, "--preset", "default", "-DCMAKE_PREFIX_PATH=" + e2e.PREFIX],
                        [e2e.CMAKE, "--build", "--preset", "default"]):
            status, output = e2e.run(command, cwd=cls.source)
            if status != 0:
                raise AssertionError("%s failed:\n%s" % (" ".join(command), output))

    def build_preset(self, preset):
        status, output = e2e.run([e2e.CMAKE, "--build", "--preset", preset], cwd=self.source)
        self.assertEqual(status, 0, output)
        return output

    def test_build_presets_run_the_three_suites_under_ptest(self):
        self.assertIn("7 passed in ", self.build_preset("smoke"))
        self.assertIn("17 passed in ", self.build_preset("regression"))
        self.assertIn("18 passed in ", self.build_preset("full"))

    def test_test_presets_run_the_same_cases_under_ctest(self):
        status, output = e2e.run([e2e.CTEST, "--preset", "full"], cwd=self.source)
        self.assertEqual(status, 0, output)
        self.assertIn("0 tests failed out of 18", output)
        status, output = e2e.run([e2e.CTEST, "--preset", "smoke", "--show-only=json-v1"], cwd=self.source)
        self.assertEqual(status, 0, output)
        self.assertEqual(sorted(test["name"] for test in json.loads(output)["tests"]),
                         e2e.collect(self.build, "-m", "smoke"))
        self.assertEqual(e2e.ctest_names(self.build, "-LE", "^slow$"), e2e.collect(self.build, "-m", "not slow"))
        status, output = e2e.run([e2e.CTEST, "--preset", "regression", "--show-only=json-v1"], cwd=self.source)
        self.assertEqual(sorted(test["name"] for test in json.loads(output)["tests"]),
                         e2e.collect(self.build, "-m", "not e2e"))
        self.assertEqual(e2e.collect(self.build, "-m", "e2e"),
                         ["inventory_integration_tests::Workflow.ReceiveSellAndReload"])

    def test_ledger_group_runs_on_one_worker_one_at_a_time(self):
        report_path = os.path.join(self.build, "report.json")
        status, output = e2e.ptest(self.build, "-n", "2", "--dist", "load", "--report-json", report_path)
        self.assertEqual(status, 0, output)
        _, cases = e2e.json_report(report_path)
        ledger = sorted((case for case_id, case in cases.items() if "::Ledger." in case_id),
                        key=lambda case: case["start"])
        self.assertEqual(len(ledger), 3)
        self.assertEqual(len({case["worker"] for case in ledger}), 1)
        for before, after in zip(ledger, ledger[1:]):
            self.assertLessEqual(before["stop"], after["start"])


class FrameworkExample:
    """The examples of one framework each (examples/catch2, doctest, plain):
    they build, every case passes or is skipped under the runner and under
    ctest, and -m smoke chooses what -L smoke does."""
    name = None
    summary = None  # the runner's last line, without the time
    smoke = None

    @classmethod
    def setUpClass(cls):
        cls.build = os.path.join(e2e.WORK, "example-" + cls.name)
        e2e.configure(os.path.join(EXAMPLES, cls.name), cls.build)
        e2e.build(cls.build)

    def test_the_runner_runs_every_case(self):
        status, output = e2e.ptest(self.build, "-n", "2")
        self.assertEqual(status, 0, output)
        self.assertIn(self.summary + " in ", output)

    def test_ctest_runs_every_case(self):
        status, output = e2e.run([e2e.CTEST, "-j", "2"], cwd=self.build)
        self.assertEqual(status, 0, output)
        self.assertIn("100% tests passed", output)

    def test_smoke_is_the_same_under_both(self):
        self.assertEqual(e2e.collect(self.build, "-m", "smoke"), self.smoke)
        self.assertEqual(e2e.ctest_names(self.build, "-L", "smoke"), self.smoke)


class Catch2Example(FrameworkExample, unittest.TestCase):
    name = "catch2"
    summary = "2 passed, 1 skipped"
    smoke = ["shapes_tests::rectangle area, width times height"]


class DoctestExample(FrameworkExample, unittest.TestCase):
    name = "doctest"
    summary = "3 passed, 1 skipped"
    smoke = ["units_tests::converts freezing, boiling", "units_tests::converts one foot"]


class PlainExample(FrameworkExample, unittest.TestCase):
    name = "plain"
    summary = "3 passed, 1 skipped"
    smoke = ["selfcheck::selfcheck", "shell_check::shell_check"]


if __name__ == "__main__":
    e2e.main()
