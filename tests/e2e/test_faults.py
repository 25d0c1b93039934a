"""A binary whose cases crash, abort, exit early, hang, fail, skip, print
50 MB and leak a child: every case gets its own outcome, and nothing else
is lost."""
import os
import signal
import subprocess
import time
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


class Interrupt(unittest.TestCase):
    """SIGINT and SIGTERM stop the run: the running test is killed, the
    report is still written, and the exit status is 2."""

    @classmethod
    def setUpClass(cls):
        cls.build = e2e.configure_and_build("faults", "faults-interrupt")

    def interrupt_with(self, signal_number):
        pid_file = os.path.join(self.build, "hang-%d.pid" % signal_number)
        report_path = os.path.join(self.build, "report-%d.json" % signal_number)
        for path in (pid_file, report_path):
            if os.path.exists(path):
                os.remove(path)
        env = dict(os.environ, FAULTS_HANG_PID_FILE=pid_file)
        runner = subprocess.Popen([os.path.join(self.build, "ptest", "ptest"), "-k", "hangs or passesfirst",
                                   "-n", "1", "--timeout", "0", "--report-json", report_path],
                                  cwd=self.build, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while not os.path.exists(pid_file) or not open(pid_file).read().endswith("\n"):
            self.assertLess(time.monotonic(), deadline, "the hanging case never started")
            time.sleep(0.05)
        runner.send_signal(signal_number)
        output = runner.communicate(timeout=60)[0].decode()
        self.assertEqual(runner.returncode, 2, output)
        with open(pid_file) as f:
            self.assertFalse(alive(int(f.read())), "the hanging test survived the interrupt")
        report, cases = e2e.json_report(report_path)
        self.assertTrue(report["summary"]["interrupted"])
        # The hanging case never finished; the other one, which runs before
        # or after it depending on the history, passed if it ran at all.
        self.assertNotIn("faulty::Faults.Hangs", cases)
        self.assertEqual(report["summary"]["not_run"], 2 - len(cases))
        for case in cases.values():
            self.assertEqual(case["outcome"], "passed")
        self.assertIn("interrupted", output)

    def test_sigint(self):
        self.interrupt_with(signal.SIGINT)

    def test_sigterm(self):
        self.interrupt_with(signal.SIGTERM)


if __name__ == "__main__":
    e2e.main()
