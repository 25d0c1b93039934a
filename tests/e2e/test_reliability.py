"""Misbehaviour nobody sees: binaries that exit 0 after their last case
(TearDownTestSuite, a global environment's TearDown) or turn a failure into
status 0 from a static destructor, and a case that leaves a setsid daemon
with closed descriptors behind. Each is told apart from a clean run, and
pgrep shows that nothing outlives a run. And a full file system: reports
and history that cannot be written fail the run (exit 3) and keep the good
files they would have replaced."""
import json
import os
import glob
import re
import shutil
import signal
import subprocess
import tempfile
import time
import unittest
import xml.etree.ElementTree as ElementTree

import e2e

PREMATURE = "the process exited before GoogleTest finished (the test process exited with status 0)"
DAEMON = "ptest-e2e-leaked-daemon"  # the daemon's argv[0]
FAILS_IN_KILLED_RUN = "killed_runner::Quick.FailsInTheKilledRun"
BUILD = None


def setUpModule():
    global BUILD
    BUILD = e2e.configure_and_build("reliability", "reliability")


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def daemons_alive():
    done = subprocess.run(["pgrep", "-f", DAEMON], stdout=subprocess.PIPE)
    return done.stdout.decode().split()


class Run:
    """One run of the runner with reports; `args` select and configure it."""

    def __init__(self, name, *args):
        self.report_path = os.path.join(BUILD, name + ".json")
        self.junit_path = os.path.join(BUILD, name + ".xml")
        self.status, self.output = e2e.ptest(BUILD, "-n", "2", "--report-json", self.report_path,
                                             "--junitxml", self.junit_path, *args)
        self.report, self.cases = e2e.json_report(self.report_path)
        self.daemons_after = daemons_alive()


class PrematureExits(unittest.TestCase):
    EXPECTED = {
        "quits_in_teardown::Quits.InTearDown": "crashed",
        "quits_in_teardown::Later.Runs": "passed",
        "exits_in_environment::Environment.Passes": "crashed",
        "exits_zero_at_exit::AtExit.Fails": "failed",
        "exits_zero_at_exit::AtExit.Passes": "passed",
    }

    @classmethod
    def setUpClass(cls):
        cls.premature = Run("premature", "-k", "not daemonizes and not rendezvous and not killed_runner")

    def test_every_case_has_its_own_outcome(self):
        self.assertEqual({case_id: case["outcome"] for case_id, case in self.premature.cases.items()}, self.EXPECTED,
                         self.premature.output)

    def test_the_run_fails(self):
        self.assertEqual(self.premature.status, 1, self.premature.output)

    def test_an_exit_in_a_teardown_names_the_premature_exit(self):
        self.assertEqual(self.premature.cases["quits_in_teardown::Quits.InTearDown"]["message"], PREMATURE)
        self.assertEqual(self.premature.cases["exits_in_environment::Environment.Passes"]["message"], PREMATURE)
        self.assertIn(PREMATURE, self.premature.output)
        self.assertEqual(e2e.junit_cases(self.premature.junit_path)["quits_in_teardown.Quits.InTearDown"][0], "error")

    def test_a_status_of_zero_does_not_hide_a_failure(self):
        self.assertIn("a real failure", self.premature.cases["exits_zero_at_exit::AtExit.Fails"]["output"])


class LeakedDaemons(unittest.TestCase):
    CASE = "daemonizes::Daemon.DoubleForksASetsidDaemon"

    @classmethod
    def setUpClass(cls):
        cls.warned = Run("leak-warn", cls.CASE)
        cls.failed = Run("leak-fail", "--leak-result", "fail", cls.CASE)

    def test_the_daemon_is_reported_beside_its_case(self):
        case = self.warned.cases[self.CASE]
        self.assertEqual(case["outcome"], "passed", self.warned.output)
        self.assertEqual(len(case["leaks"]), 1, case)
        leak = case["leaks"][0]
        self.assertEqual(leak["command_line"], DAEMON + " 300")
        self.assertIn("LEAK %s: pid %d (%s 300), killed" % (self.CASE, leak["pid"], DAEMON), self.warned.output)
        self.assertEqual(self.warned.report["summary"]["leaked"], 1)
        self.assertRegex(self.warned.output.splitlines()[-1], r"^1 passed, 1 leaked in ")
        testcase = ElementTree.parse(self.warned.junit_path).getroot().find(".//testcase")
        self.assertIn("LEAK pid %d (%s 300)" % (leak["pid"], DAEMON), testcase.find("system-err").text)

    def test_a_leak_warns_by_default(self):
        self.assertEqual(self.warned.status, 0, self.warned.output)

    def test_leak_result_fail_fails_the_case_and_the_run(self):
        case = self.failed.cases[self.CASE]
        self.assertEqual(case["outcome"], "failed", self.failed.output)
        self.assertRegex(case["message"], r"^leaked 1 process: pid \d+ \(%s 300\)$" % DAEMON)
        self.assertEqual(self.failed.status, 1, self.failed.output)

    def test_no_daemon_outlives_a_run(self):
        self.assertEqual(self.warned.daemons_after, [])
        self.assertEqual(self.failed.daemons_after, [])

    def test_a_bad_leak_result_is_a_usage_error(self):
        status, output = e2e.ptest(BUILD, "--leak-result", "ignore")
        self.assertEqual(status, 4, output)
        self.assertIn("ptest: error: argument --leak-result: invalid choice 'ignore': expected warn or fail", output)


class LeakedDaemonsUnderCtest(unittest.TestCase):
    """The same daemon under real ctest, where `ptest exec` runs each case:
    found, reported and killed as in a run; PTEST_ADDOPTS' --leak-result
    fail fails the case."""
    CASE = LeakedDaemons.CASE

    @classmethod
    def ctest(cls, env=None):
        status, output = e2e.run([e2e.CTEST, "-V", "-R", "^daemonizes::"], cwd=BUILD, env=env)
        return status, output, daemons_alive()

    @classmethod
    def setUpClass(cls):
        cls.warned = cls.ctest()
        cls.failed = cls.ctest({"PTEST_ADDOPTS": "--leak-result fail"})
        cls.bad = cls.ctest({"PTEST_ADDOPTS": "-n 2 --leak-result=ignore"})

    def test_the_daemon_is_reported_on_stderr(self):
        status, output, _ = self.warned
        self.assertRegex(output, r"LEAK pid \d+ \(%s 300\), killed" % DAEMON)
        self.assertEqual(status, 0, output)

    def test_leak_result_fail_fails_the_case(self):
        status, output, _ = self.failed
        self.assertRegex(output, r"ptest: --leak-result fail: leaked 1 process: pid \d+ \(%s 300\)" % DAEMON)
        self.assertRegex(output, r"%s \.*\*\*\*Failed" % re.escape(self.CASE))
        self.assertNotEqual(status, 0, output)

    def test_no_daemon_outlives_a_case(self):
        self.assertEqual(self.warned[2], [])
        self.assertEqual(self.failed[2], [])

    def test_a_bad_leak_result_is_one_error_line(self):
        status, output, _ = self.bad
        self.assertIn("ptest: error: PTEST_ADDOPTS: argument --leak-result: invalid choice 'ignore': "
                      "expected warn or fail", output)
        self.assertNotEqual(status, 0, output)


class FullFileSystem(unittest.TestCase):
    """Reports and history on a 64 KiB tmpfs, written once, then filled up."""

    @classmethod
    def setUpClass(cls):
        cls.directory = tempfile.mkdtemp(prefix="ptest-e2e-full-")
        status, output = e2e.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", cls.directory])
        if status != 0:
            os.rmdir(cls.directory)
            raise unittest.SkipTest("cannot mount a small tmpfs here: " + output.strip())
        cls.paths = {name: os.path.join(cls.directory, name) for name in ("report.json", "junit.xml", "history.json")}
        args = ["-k", "not daemonizes and not rendezvous and not killed_runner", "--report-json", cls.paths["report.json"], "--junitxml",
                cls.paths["junit.xml"], "--history", cls.paths["history.json"]]
        cls.first_status, cls.first_output = e2e.ptest(BUILD, *args)
        cls.good = {name: read_bytes(path) for name, path in cls.paths.items()}
        cls.fill()
        cls.listing = sorted(os.listdir(cls.directory))
        cls.status, cls.output = e2e.ptest(BUILD, *args)

    @classmethod
    def fill(cls):
        try:
            with open(os.path.join(cls.directory, "filler"), "wb") as filler:
                while True:
                    filler.write(b"x" * 4096)
                    filler.flush()
        except OSError:
            pass

    @classmethod
    def tearDownClass(cls):
        e2e.run(["umount", cls.directory])
        os.rmdir(cls.directory)

    def test_the_first_run_wrote_everything(self):
        self.assertEqual(self.first_status, 1, self.first_output)

    def test_a_full_disk_is_exit_status_3_with_the_file_named(self):
        self.assertEqual(self.status, 3, self.output)
        self.assertIn("ptest: error: duration history not saved: cannot write '%s': No space left on device"
                      % self.paths["history.json"], self.output)
        self.assertIn("ptest: error: cannot write '%s': No space left on device" % self.paths["report.json"],
                      self.output)

    def test_the_results_still_reach_the_terminal(self):
        self.assertIn("2 passed, 1 failed, 2 crashed in ", self.output)
        self.assertIn(PREMATURE, self.output)

    def test_no_half_written_file_replaces_a_good_one(self):
        for name, path in self.paths.items():
            self.assertEqual(read_bytes(path), self.good[name], name)
        self.assertEqual(sorted(os.listdir(self.directory)), self.listing, "a temporary file was left behind")


class TwoRunsAtOnce(unittest.TestCase):
    """Two runners in one build tree at the same time, as from two terminals
    or CTest RUNNER-mode tests in parallel; a case in each waits for the
    other's, so they overlap for sure."""

    @classmethod
    def setUpClass(cls):
        cls.rendezvous = tempfile.mkdtemp(prefix="ptest-e2e-rendezvous-")
        cls.history = os.path.join(BUILD, "ptest", "history.json")
        if os.path.exists(cls.history):
            os.remove(cls.history)
        env = dict(os.environ, PTEST_E2E_RENDEZVOUS=cls.rendezvous)
        env.pop("PTEST_ADDOPTS", None)
        runner = os.path.join(BUILD, "ptest", "ptest")
        cls.reports = [os.path.join(BUILD, "concurrent-%d.json" % i) for i in (1, 2)]
        selections = [["rendezvous::*", "quits_in_teardown::*"], ["rendezvous::*", "exits_zero_at_exit::*"]]
        runs = [subprocess.Popen([runner, "-n", "2", "--report-json", report] + selection, cwd=BUILD, env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
                for report, selection in zip(cls.reports, selections)]
        cls.results = [(run.wait(timeout=120), run.stdout.read().decode()) for run in runs]
        for run in runs:
            run.stdout.close()
        cls.cases = [e2e.json_report(report)[1] for report in cls.reports]
        cls.scratch = {}
        for name in os.listdir(cls.rendezvous):
            with open(os.path.join(cls.rendezvous, name)) as f:
                cls.scratch[name] = f.read()

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.rendezvous, ignore_errors=True)

    def test_both_runs_finish_with_their_own_results(self):
        self.assertEqual({case_id: case["outcome"] for case_id, case in self.cases[0].items()},
                         {"rendezvous::Rendezvous.MeetsTheOtherRun": "passed",
                          "quits_in_teardown::Quits.InTearDown": "crashed",
                          "quits_in_teardown::Later.Runs": "passed"}, self.results[0][1])
        self.assertEqual({case_id: case["outcome"] for case_id, case in self.cases[1].items()},
                         {"rendezvous::Rendezvous.MeetsTheOtherRun": "passed",
                          "exits_zero_at_exit::AtExit.Fails": "failed",
                          "exits_zero_at_exit::AtExit.Passes": "passed"}, self.results[1][1])
        self.assertEqual([status for status, _ in self.results], [1, 1])

    def test_their_scratch_directories_differ(self):
        self.assertEqual(len(self.scratch), 2, self.scratch)
        first, second = self.scratch.values()
        self.assertNotEqual(first, second)

    def test_the_history_holds_both(self):
        with open(self.history) as f:
            cases = json.load(f)["cases"]
        for case_id in ("quits_in_teardown::Quits.InTearDown", "exits_zero_at_exit::AtExit.Fails",
                        "rendezvous::Rendezvous.MeetsTheOtherRun"):
            self.assertIn(case_id, cases)


def journal_records(path):
    records = []
    with open(path) as f:
        for line in f:
            records.append(json.loads(line))
    return records


def alive(pid):
    """Whether the process runs: a zombie is gone in all but name."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def wait_for(condition, what):
    """Polls; a bound so generous it never decides on a slow machine."""
    give_up = time.monotonic() + 60
    while not condition():
        if time.monotonic() > give_up:
            raise AssertionError("gave up waiting for " + what)
        time.sleep(0.01)


class KilledRunner(unittest.TestCase):
    """The runner SIGKILLed mid-run (an OOM killer, a CI timeout): every case
    it finished is in its journal, the next run says what did not run, and
    --lf runs it, even after a run of other cases."""

    @classmethod
    def setUpClass(cls):
        cls.scratch = tempfile.mkdtemp(prefix="ptest-e2e-killed-")
        ptest_dir = os.path.join(BUILD, "ptest")
        cls.interrupted_path = os.path.join(ptest_dir, "interrupted.jsonl")
        for stale in glob.glob(os.path.join(ptest_dir, "journal", "*")) + [cls.interrupted_path]:
            if os.path.exists(stale):
                os.remove(stale)
        done, marker = os.path.join(cls.scratch, "done"), os.path.join(cls.scratch, "marker")
        env = dict(os.environ, PTEST_E2E_DONE=done, PTEST_E2E_KILL_MARKER=marker)
        env.pop("PTEST_ADDOPTS", None)
        runner = subprocess.Popen([os.path.join(ptest_dir, "ptest"), "-n", "1", "killed_runner::*"], cwd=BUILD,
                                  env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(lambda: os.path.exists(marker), "the waiting case to start")
        with open(marker) as f:
            cls.waiting_pid = int(f.read())
        with open(marker + ".scratch") as f:
            cls.killed_run_scratch = os.path.dirname(f.read())  # the run's, above the worker's
        journals = glob.glob(os.path.join(ptest_dir, "journal", "*.jsonl"))
        cls.journal_count = len(journals)
        with open(done) as f:
            cls.done = set(f.read().split())

        def all_done_journaled():
            finished = {r["id"] for r in journal_records(journals[0]) if r["$report_type"] == "CaseFinished"}
            return cls.done <= finished
        wait_for(all_done_journaled, "the finished cases in the journal")
        runner.send_signal(signal.SIGKILL)
        runner.wait()
        cls.records = journal_records(journals[0])
        try:
            wait_for(lambda: not alive(cls.waiting_pid), "the test process to die with its runner")
            cls.test_process_outlived_the_runner = False
        except AssertionError:
            cls.test_process_outlived_the_runner = True
            os.kill(cls.waiting_pid, signal.SIGKILL)
        cls.refused_status, cls.refused_output = e2e.ptest(BUILD, "--junitxml", "/nonexistent/dir/out.xml",
                                                           "killed_runner::*")
        cls.collected = e2e.collect(BUILD, "--lf", "killed_runner::*")
        # A run of other cases tells of the kill; the --lf after it must still run what the killed run owed.
        cls.scratch_survived_the_kill = os.path.isdir(cls.killed_run_scratch)
        cls.other_status, cls.other_output = e2e.ptest(BUILD, "-n", "1", "rendezvous::*")
        cls.scratch_survived_the_next_run = os.path.isdir(cls.killed_run_scratch)
        cls.lf_report_path = os.path.join(cls.scratch, "lf.json")
        cls.next_status, cls.next_output = e2e.ptest(BUILD, "-n", "1", "--lf", "--report-json", cls.lf_report_path,
                                                     "killed_runner::*")
        cls.third_status, cls.third_output = e2e.ptest(BUILD, "-n", "1", "--lf", "killed_runner::*")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.scratch, ignore_errors=True)

    def test_every_case_finished_before_the_kill_is_in_the_journal(self):
        self.assertEqual(self.journal_count, 1)
        self.assertEqual(self.records[0]["$report_type"], "RunStarted")
        self.assertEqual(sorted(self.records[0]["selected"]),
                         ["killed_runner::Quick.FailsInTheKilledRun", "killed_runner::Quick.First",
                          "killed_runner::Quick.Second", "killed_runner::WaitsForTheKill.Sleeps"])
        finished = {r["id"]: r["outcome"] for r in self.records if r["$report_type"] == "CaseFinished"}
        self.assertEqual(set(finished), self.done)
        for case_id, outcome in finished.items():
            self.assertEqual(outcome, "failed" if case_id == FAILS_IN_KILLED_RUN else "passed", case_id)
        self.assertNotIn("RunFinished", [r["$report_type"] for r in self.records])

    def test_no_test_process_outlives_the_killed_runner(self):
        self.assertFalse(self.test_process_outlived_the_runner)

    def test_the_next_run_removes_the_killed_runs_scratch_directory(self):
        self.assertTrue(self.scratch_survived_the_kill, self.killed_run_scratch)  # nobody else removed it
        self.assertFalse(self.scratch_survived_the_next_run, self.killed_run_scratch)

    def test_the_next_run_says_the_last_run_was_interrupted(self):
        missing = 4 - len(self.done)
        self.assertIn("ptest: the last run was interrupted; %d case%s did not run (%s); --lf runs them"
                      % (missing, "" if missing == 1 else "s", self.interrupted_path), self.other_output)
        self.assertEqual(self.next_status, 0, self.next_output)

    def test_lf_runs_the_cases_the_killed_run_failed_or_did_not_finish(self):
        _, cases = e2e.json_report(self.lf_report_path)
        selected = set(self.records[0]["selected"])
        self.assertEqual(set(cases), (selected - self.done) | ({FAILS_IN_KILLED_RUN} & self.done), self.next_output)
        self.assertIn("killed_runner::WaitsForTheKill.Sleeps", cases)
        self.assertNotIn("--lf: nothing failed last time", self.next_output)

    def test_a_refused_run_says_only_why_and_leaves_the_journal_for_the_next(self):
        self.assertEqual(self.refused_status, 4, self.refused_output)
        self.assertEqual(self.refused_output.count("\n"), 1, self.refused_output)
        self.assertIn("ptest: error: argument --junitxml", self.refused_output)
        self.assertIn("--lf runs them", self.other_output)

    def test_lf_collect_only_lists_them_before_any_run_told_of_the_kill(self):
        owed = (set(self.records[0]["selected"]) - self.done) | ({FAILS_IN_KILLED_RUN} & self.done)
        self.assertEqual(self.collected, sorted(owed))

    def test_once_they_ran_lf_has_nothing_left_of_the_killed_run(self):
        self.assertIn("ptest: --lf: nothing failed last time; running all 4 selected", self.third_output)

    def test_the_interrupted_runs_journal_names_the_cases_that_did_not_run(self):
        records = journal_records(self.interrupted_path)
        finished = {r["id"] for r in records if r["$report_type"] == "CaseFinished"}
        not_run = set(records[0]["selected"]) - finished
        self.assertIn("killed_runner::WaitsForTheKill.Sleeps", not_run)
        self.assertEqual(len(not_run), 4 - len(self.done))

    def test_it_is_said_once(self):
        self.assertNotIn("interrupted", self.third_output)
        self.assertEqual(glob.glob(os.path.join(BUILD, "ptest", "journal", "*")), [], "a finished run's journal stays")


if __name__ == "__main__":
    unittest.main()
