"""Every example under examples/ builds and passes, under the runner and
under ctest, with the same cases selected both ways."""
import os
import unittest

import e2e

EXAMPLES = os.path.join(e2e.SOURCE_DIR, "examples")


class Inventory(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.build = os.path.join(e2e.WORK, "example-inventory")
        e2e.configure(os.path.join(EXAMPLES, "inventory"), cls.build)
        e2e.build(cls.build)

    def test_ptest_target_passes_every_case(self):
        status, output = e2e.build(self.build, "ptest")
        self.assertIn("17 passed in ", output)

    def test_ctest_passes_every_case(self):
        status, output = e2e.run([e2e.CTEST, "-j2"], cwd=self.build)
        self.assertEqual(status, 0, output)
        self.assertIn("0 tests failed out of 17", output)

    def test_smoke_selection_agrees(self):
        self.assertEqual(e2e.collect(self.build, "-m", "smoke"), e2e.ctest_names(self.build, "-L", "^smoke$"))
        self.assertEqual(len(e2e.collect(self.build, "-m", "smoke and not slow")), 7)

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


if __name__ == "__main__":
    e2e.main()
