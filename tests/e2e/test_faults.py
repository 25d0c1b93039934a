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
    "faulty::Faults.ExitsEarly": "crashed",
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
                                           cls.report_path, "--junitxml", cls.junit_path, "faulty::*",
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
        self.assertIn("the process exited before GoogleTest finished", self.cases["faulty::Faults.ExitsEarly"]["message"])

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
                         r"^10 passed, 1 failed, 2 skipped, 3 crashed, 1 timeout in \d+\.\d\ds$")


def wait_for_pid(path, deadline):
    while not os.path.exists(path) or not open(path).read().endswith("\n"):
        if time.monotonic() > deadline:
            raise AssertionError("%s never appeared: the case did not start" % path)
        time.sleep(0.05)
    with open(path) as f:
        return int(f.read())


class WorkerRestarts(unittest.TestCase):
    def test_run_stops_once_too_many_processes_died(self):
        build = e2e.configure_and_build("faults", "faults-restarts")
        report_path = os.path.join(build, "report.json")
        status, output = e2e.ptest(build, "-n", "1", "--max-worker-restart", "1", "--report-json", report_path,
                                   "faulty::Faults.Segfaults", "faulty::Faults.Aborts", "faulty::Faults.Pass*")
        self.assertEqual(status, 1, output)
        self.assertIn("ptest: 2 test processes died, more than --max-worker-restart 1 allows", output)
        report, cases = e2e.json_report(report_path)
        self.assertEqual(report["summary"]["crashed"], 2)
        self.assertGreater(report["summary"]["not_run"], 0)


class Interrupt(unittest.TestCase):
    """SIGINT and SIGTERM stop the run: the running tests' process groups get
    the signal, SIGKILL follows after a grace period (at once on a second
    Ctrl-C), the report is still written, and the exit status is 2."""

    @classmethod
    def setUpClass(cls):
        cls.build = e2e.configure_and_build("faults", "faults-interrupt")

    def files(self, name):
        paths = {key: os.path.join(self.build, "%s-%s" % (name, key))
                 for key in ("catcher.pid", "ignorer.pid", "log", "report.json")}
        for path in paths.values():
            if os.path.exists(path):
                os.remove(path)
        return paths

    def start(self, paths, *selection):
        env = dict(os.environ, CATCHER_PID_FILE=paths["catcher.pid"], IGNORER_PID_FILE=paths["ignorer.pid"],
                   INTERRUPT_LOG=paths["log"])
        return subprocess.Popen([os.path.join(self.build, "ptest", "ptest"), "-n", "2", "--timeout", "0",
                                 "--report-json", paths["report.json"]] + list(selection),
                                cwd=self.build, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)

    def interrupt_with(self, signal_number):
        paths = self.files("signal-%d" % signal_number)
        runner = self.start(paths, "interruptible::*", "faulty::Faults.PassesFirst")
        deadline = time.monotonic() + 60
        catcher = wait_for_pid(paths["catcher.pid"], deadline)
        ignorer = wait_for_pid(paths["ignorer.pid"], deadline)
        runner.send_signal(signal_number)
        output = runner.communicate(timeout=60)[0].decode()
        self.assertEqual(runner.returncode, 2, output)
        with open(paths["log"]) as f:
            self.assertEqual(f.read(), "%d\n" % signal_number, "the test did not get the runner's signal")
        self.assertFalse(alive(catcher))
        self.assertFalse(alive(ignorer), "the test that ignores the signal survived the grace period")
        report, cases = e2e.json_report(paths["report.json"])
        self.assertTrue(report["summary"]["interrupted"])
        self.assertNotIn("interruptible::Signals.LogsTheSignalAndExits", cases)
        self.assertNotIn("interruptible::Signals.IgnoresTheSignal", cases)
        self.assertEqual(report["summary"]["not_run"], 3 - len(cases))
        for case in cases.values():
            self.assertEqual(case["outcome"], "passed")
        self.assertIn("interrupted", output)

    def test_sigint(self):
        self.interrupt_with(signal.SIGINT)

    def test_sigterm(self):
        self.interrupt_with(signal.SIGTERM)

    def test_exitfirst_stops_the_running_cases(self):
        paths = self.files("exitfirst")
        runner = self.start(paths, "-x", "faulty::Faults.Fails", "interruptible::Signals.IgnoresTheSignal")
        output = runner.communicate(timeout=120)[0].decode()
        self.assertEqual(runner.returncode, 1, output)
        self.assertIn("stopping after 1 failure", output)
        report, cases = e2e.json_report(paths["report.json"])
        self.assertEqual(cases["faulty::Faults.Fails"]["outcome"], "failed")
        self.assertNotIn("interruptible::Signals.IgnoresTheSignal", cases)
        self.assertEqual(report["summary"]["not_run"], 1)
        if os.path.exists(paths["ignorer.pid"]):
            self.assertFalse(alive(wait_for_pid(paths["ignorer.pid"], time.monotonic() + 5)))

    def test_second_sigint_stops_a_test_that_ignores_the_first(self):
        paths = self.files("twice")
        runner = self.start(paths, "interruptible::Signals.IgnoresTheSignal")
        ignorer = wait_for_pid(paths["ignorer.pid"], time.monotonic() + 60)
        runner.send_signal(signal.SIGINT)
        runner.send_signal(signal.SIGINT)
        output = runner.communicate(timeout=60)[0].decode()
        self.assertEqual(runner.returncode, 2, output)
        self.assertFalse(alive(ignorer))


if __name__ == "__main__":
    e2e.main()
