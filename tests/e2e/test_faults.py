"""A binary whose cases crash, abort, exit early, hang, fail, skip, print
50 MB and leak a child: every case gets its own outcome, and nothing else
is lost."""
import os
import unittest

import e2e

EXPECTED = {
    "faulty::Faults.PassesFirst": "passed",
    "faulty::Faults.Segfaults": "crashed",
    "faulty::Faults.PassesAfterSegfault": "passed",
    "faulty::Faults.Aborts": "crashed",
    "faulty::Faults.ExitsEarly": "failed",
    "faulty::Faults.Hangs": "timeout",
    "faulty::Faults.Fails": "failed",
    "faulty::Faults.Skips": "skipped",
    "faulty::Faults.DISABLED_NeverRuns": "skipped",
    "faulty::Faults.PrintsFiftyMegabytes": "passed",
    "faulty::Faults.LeaksAChildHoldingStdout": "passed",
    "faulty::Faults.PassesLast": "passed",
    "faulty::Odd/Values.Pass/0": "passed",
    "faulty::Odd/Values.Pass/1": "passed",
    "faulty::Odd/Values.Pass/2": "passed",
    "faulty::Typed/0.Pass": "passed",
    "faulty::Typed/1.Pass": "passed",
}


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open("/proc/%d/stat" % pid) as f:  # a zombie is gone in all but name
        return f.read().split(")")[-1].split()[0] != "Z"


class Faults(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.build = e2e.configure_and_build("faults", "faults")
        cls.report_path = os.path.join(cls.build, "report.json")
        cls.junit_path = os.path.join(cls.build, "junit.xml")
        cls.pid_file = os.path.join(cls.build, "child.pid")
        cls.status, cls.output = e2e.ptest(cls.build, "-n", "2", "--timeout", "3", "--report-json",
                                           cls.report_path, "--junitxml", cls.junit_path,
                                           env={"FAULTS_CHILD_PID_FILE": cls.pid_file})
        cls.report, cls.cases = e2e.json_report(cls.report_path)

    def test_every_case_has_its_own_outcome(self):
        self.assertEqual({case_id: case["outcome"] for case_id, case in self.cases.items()}, EXPECTED, self.output)

    def test_exit_status_is_1(self):
        self.assertEqual(self.status, 1, self.output)

    def test_crashes_name_the_signal(self):
        self.assertIn("SIGSEGV", self.cases["faulty::Faults.Segfaults"]["message"])
        self.assertIn("SIGABRT", self.cases["faulty::Faults.Aborts"]["message"])

    def test_early_exit_is_a_premature_exit(self):
        self.assertIn("premature exit", self.cases["faulty::Faults.ExitsEarly"]["message"])

    def test_hang_times_out_after_the_timeout(self):
        hang = self.cases["faulty::Faults.Hangs"]
        self.assertIn("timed out after 3s", hang["message"])
        self.assertGreaterEqual(hang["duration"], 3.0)

    def test_failure_message_reaches_terminal_and_junit(self):
        self.assertIn("the <expected> failure & message", self.output)
        self.assertIn("FAILED faulty::Faults.Fails", self.output)
        outcome, _, text = e2e.junit_cases(self.junit_path)["faulty.Faults.Fails"]
        self.assertEqual(outcome, "failure")
        self.assertIn("the <expected> failure & message", text)
        self.assertEqual(e2e.junit_cases(self.junit_path)["faulty.Faults.Segfaults"][0], "error")

    def test_leaked_child_does_not_outlive_the_run(self):
        with open(self.pid_file) as f:
            pid = int(f.read())
        self.assertFalse(alive(pid), "the leaked child %d is still running" % pid)

    def test_summary_line_counts_every_outcome(self):
        self.assertRegex(self.output.splitlines()[-1],
                         r"^10 passed, 2 failed, 2 skipped, 2 crashed, 1 timeout in \d+\.\d\ds$")


if __name__ == "__main__":
    e2e.main()
