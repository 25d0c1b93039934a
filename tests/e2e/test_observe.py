"""Seeing a run: the live status line on a real pseudo-terminal (and none
in a pipe, under TERM=dumb or with --progress none), colours and NO_COLOR /
CLICOLOR_FORCE, slow-case warnings (and a marker's own slow period), the
per-worker section and --durations,
the --report-log stream (also when the runner is killed), the --trace
timeline (with a steal marked), JUnit read by a real JUnit reader, and the bad paths and words
refused before any test runs."""
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
import unittest

import e2e

try:
    import junitparser
except ImportError:  # a Python of its own (pyenv, venv): Debian's python3-junitparser is still there
    sys.path.append("/usr/lib/python3/dist-packages")
    import junitparser

ESCAPE = re.compile(r"\x1b\[")
CHROMIUM = "/usr/bin/chromium"
# Appended to a copy of the report: what the browser drew, as JSON in an attribute that --dump-dom shows.
PROBE = """<script>
(function () {
  function box(element) {
    var r = element.getBoundingClientRect(), s = getComputedStyle(element);
    return {width: r.width, height: r.height,
            visible: s.visibility !== 'hidden' && s.display !== 'none' && r.bottom > 0 && r.right > 0};
  }
  var failed = document.querySelector('#timeline .case[data-outcome="failed"]');
  var failure = document.querySelector('#failures h3.failed').parentElement;
  document.body.setAttribute('data-probe', JSON.stringify({
    rows: document.querySelectorAll('#timeline text').length - 11,
    failed_case: box(failed), failure: box(failure), failure_text: failure.textContent}));
})();
</script>"""
SELECTED = ["outcome_tests::Outcome.Passes", "outcome_tests::Outcome.Fails", "outcome_tests::Outcome.Crashes",
            "outcome_tests::Outcome.Skips", "outcome_tests::Outcome.Takes300ms", "timing_tests::Timing.Quick",
            "timing_tests::Timing.Takes200ms", "timing_tests::Timing.Takes400ms",
            "timing_tests::Timing.Takes1500ms", "timing_tests::Other.Quick"]


def read_text(path):
    with open(path) as f:
        return f.read()


def read_lines(path):
    with open(path) as f:
        return [json.loads(line) for line in f]


class Observe(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.build = e2e.configure_and_build("observe", "observe")
        cls.log = os.path.join(cls.build, "log.jsonl")
        cls.trace = os.path.join(cls.build, "trace.json")
        cls.junit = os.path.join(cls.build, "junit.xml")
        cls.html = os.path.join(cls.build, "report.html")
        cls.status, cls.output = e2e.ptest(cls.build, "-n", "2", "--slow", "1", "--durations", "3", "--report-log",
                                           cls.log, "--trace", cls.trace, "--junitxml", cls.junit, "--html", cls.html)

    def on_a_terminal(self, *args, env=None):
        """Runs the runner under a real pseudo-terminal (script(1)); returns (status, raw output)."""
        command = " ".join(shlex.quote(a) for a in [os.path.join(self.build, "ptest", "ptest")] + list(args))
        full_env = {"TERM": "xterm-256color"}
        full_env.update(env or {})
        return e2e.run(["script", "-qec", command, "/dev/null"], cwd=self.build, env=full_env)

    # The terminal.

    def test_in_a_pipe_there_are_no_escape_codes_and_no_status_line(self):
        self.assertEqual(self.status, 1, self.output)
        self.assertIsNone(ESCAPE.search(self.output), repr(self.output))
        self.assertNotIn("\r", self.output)

    def test_a_case_past_the_slow_period_is_announced_while_it_runs(self):
        self.assertIn("SLOW [> 1s] timing_tests::Timing.Takes1500ms\n", self.output)
        self.assertNotIn("SLOW [> 2s]", self.output)
        self.assertLess(self.output.index("SLOW [> 1s]"), self.output.index("= FAILURES ="))

    def test_the_end_of_the_run_lists_the_slowest_cases_and_each_workers_load(self):
        slowest = re.search(r"= slowest 3 durations =+\n(.*\n){3}", self.output)
        self.assertIsNotNone(slowest, self.output)
        self.assertRegex(slowest.group(0).splitlines()[1], r"^ +1\.[5-9]\d\ds gw[01] +timing_tests::Timing\.Takes1500ms$")
        workers = re.findall(r"^(gw[01]) +(\d+) cases? +(\d+) process(?:es)? +busy +([\d.]+)s +idle +([\d.]+)s$",
                             self.output, re.M)
        self.assertEqual([w[0] for w in workers], ["gw0", "gw1"], self.output)
        self.assertEqual(sum(int(w[1]) for w in workers), 10, self.output)  # every case ran in some process
        self.assertRegex(self.output, r"speedup \d+\.\d\dx \([\d.]+s of cases in [\d.]+s\), balance \d+\.\d\d "
                                      r"\(busiest worker / mean\)")

    def test_on_a_terminal_the_status_line_is_drawn_and_cleared_before_the_summary(self):
        status, output = self.on_a_terminal("-n", "2", "timing_tests::*")
        self.assertEqual(status, 0, output)
        self.assertRegex(output, r"\r\x1b\[2m\d+\.\ds\x1b\[0m \x1b\[32m\[[=> ]{20}\]\x1b\[0m \d+/5 0 failed")
        self.assertRegex(output, r"\| gw[01] Timing\.Takes\d+ms")  # what a worker runs, with its time
        last_line = output.rfind("\r\x1b[K")  # the clear, then nothing of the line is left
        self.assertGreater(last_line, 0, repr(output))
        self.assertNotIn("failed ETA", output[last_line:])
        self.assertIn("\x1b[32m5 passed in ", output[last_line:])

    def test_the_counter_is_the_count_alone(self):
        status, output = self.on_a_terminal("-n", "2", "--progress", "counter", "--color", "never", "timing_tests::*")
        self.assertEqual(status, 0, output)
        self.assertRegex(output, r"\r\[\d/5\] 0 failed")
        self.assertNotIn("ETA", output)

    def test_progress_none_draws_no_status_line_and_color_never_no_colours(self):
        status, output = self.on_a_terminal("-n", "2", "--progress", "none", "--color", "never", "timing_tests::*")
        self.assertEqual(status, 0, output)
        self.assertIsNone(ESCAPE.search(output), repr(output))
        self.assertNotIn("\r[", output.replace("\r\n", "\n"))

    def test_a_dumb_terminal_gets_plain_text(self):
        status, output = self.on_a_terminal("-n", "2", "timing_tests::*", env={"TERM": "dumb"})
        self.assertEqual(status, 0, output)
        self.assertIsNone(ESCAPE.search(output), repr(output))

    def test_no_color_keeps_the_status_line_without_colours(self):
        status, output = self.on_a_terminal("-n", "2", "timing_tests::*", env={"NO_COLOR": "1"})
        self.assertEqual(status, 0, output)
        self.assertIn("\x1b[K", output)
        self.assertNotRegex(output, r"\x1b\[\d+m")

    def test_clicolor_force_colours_a_pipe_but_draws_no_status_line(self):
        status, output = e2e.ptest(self.build, "-n", "2", "timing_tests::*", env={"CLICOLOR_FORCE": "1"})
        self.assertEqual(status, 0, output)
        self.assertIn("\x1b[32m5 passed in ", output)
        self.assertNotIn("\r", output)

    # --report-log.

    def test_the_report_log_is_json_lines_from_the_selection_to_the_summary(self):
        events = read_lines(self.log)
        self.assertEqual(events[0]["$report_type"], "RunStarted")
        self.assertEqual(sorted(events[0]["selected"]), sorted(SELECTED))
        self.assertEqual(events[0]["workers"], 2)
        self.assertEqual(events[-1]["$report_type"], "RunFinished")
        self.assertEqual(events[-1]["summary"]["failed"], 1)
        self.assertEqual(events[-1]["summary"]["crashed"], 1)
        finished = {e["id"]: e for e in events if e["$report_type"] == "CaseFinished"}
        self.assertEqual(sorted(finished), sorted(SELECTED))
        position = {(e["$report_type"], e.get("id")): i for i, e in enumerate(events)}
        for case_id in SELECTED:  # each case's start comes before its result
            self.assertLess(position[("CaseStarted", case_id)], position[("CaseFinished", case_id)])
        self.assertEqual(finished["outcome_tests::Outcome.Fails"]["outcome"], "failed")
        self.assertIn("one is not two", finished["outcome_tests::Outcome.Fails"]["output"])
        self.assertTrue(finished["outcome_tests::Outcome.Fails"]["file"].endswith("outcome_test.cc"))
        self.assertEqual(finished["outcome_tests::Outcome.Crashes"]["message"],
                         "the test process was killed by SIGSEGV (Segmentation fault)")

    def test_a_killed_runner_leaves_a_log_of_every_case_finished_before(self):
        log = os.path.join(self.build, "killed.jsonl")
        runner = subprocess.Popen([os.path.join(self.build, "ptest", "ptest"), "-n", "1", "--dist", "no",
                                   "--report-log", log, "timing_tests::*"], cwd=self.build,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.time() + 60
            while time.time() < deadline:  # until Takes400ms finished: Takes1500ms runs next
                if os.path.exists(log) and '"timing_tests::Timing.Takes400ms","line"' in read_text(log):
                    break
                time.sleep(0.05)
            runner.send_signal(signal.SIGKILL)
        finally:
            runner.wait()
        events = read_lines(log)  # every line whole
        finished = [e["id"] for e in events if e["$report_type"] == "CaseFinished"]
        self.assertEqual(finished[:3], ["timing_tests::Timing.Quick", "timing_tests::Timing.Takes200ms",
                                        "timing_tests::Timing.Takes400ms"])
        self.assertNotIn("RunFinished", [e["$report_type"] for e in events])
        time.sleep(1.6)  # the orphaned Takes1500ms process ends on its own

    # --trace.

    def test_the_trace_has_a_track_per_worker_with_processes_and_their_cases_nested(self):
        with open(self.trace) as f:
            trace = json.load(f)
        events = trace["traceEvents"]
        tracks = {e["tid"]: e["args"]["name"] for e in events if e.get("name") == "thread_name"}
        self.assertEqual(tracks, {0: "gw0", 1: "gw1"})
        processes = [e for e in events if e.get("cat") == "process"]
        cases = [e for e in events if e.get("cat") == "case"]
        self.assertEqual(sorted(c["args"]["id"] for c in cases), sorted(SELECTED))
        for event in processes + cases:
            self.assertEqual(event["ph"], "X")
            self.assertGreaterEqual(event["dur"], 0)
        for case in cases:
            self.assertTrue(any(p["tid"] == case["tid"] and p["ts"] <= case["ts"] and
                                case["ts"] + case["dur"] <= p["ts"] + p["dur"] for p in processes), case)
        crash = [c for c in cases if c["args"]["id"] == "outcome_tests::Outcome.Crashes"][0]
        self.assertEqual(crash["args"]["outcome"], "crashed")
        restarts = [e for e in events if e.get("cat") == "restart"]
        self.assertEqual(len(restarts), 1)
        died = [p for p in processes if p["args"]["died"]]
        self.assertEqual(len(died), 1)
        self.assertEqual((restarts[0]["tid"], died[0]["tid"]), (crash["tid"], crash["tid"]))
        self.assertEqual(restarts[0]["ts"], died[0]["ts"] + died[0]["dur"])  # where the process ended

    # JUnit.

    def test_junit_read_by_junitparser_has_a_suite_per_target_with_classnames_locations_and_messages(self):
        xml = junitparser.JUnitXml.fromfile(self.junit)
        suites = {suite.name: suite for suite in xml}
        self.assertEqual(sorted(suites), ["outcome_tests", "timing_tests"])
        outcome = suites["outcome_tests"]
        self.assertEqual((outcome.tests, outcome.failures, outcome.errors, outcome.skipped), (5, 1, 1, 1))
        self.assertRegex(outcome.timestamp, r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$")
        self.assertEqual(outcome.hostname, os.uname().nodename)
        cases = {case.name: case for case in outcome}
        self.assertEqual({case.classname for case in outcome}, {"Outcome"})
        fails = cases["Fails"]
        self.assertTrue(fails._elem.get("file").endswith("outcome_test.cc"))
        self.assertGreater(int(fails._elem.get("line")), 0)
        failure = fails.result[0]
        self.assertIsInstance(failure, junitparser.Failure)
        self.assertRegex(failure.message, r"outcome_test\.cc:\d+: Failure: Expected equality of these values:")
        self.assertIn("output before the failure", failure.text)
        self.assertIsInstance(cases["Crashes"].result[0], junitparser.Error)
        self.assertEqual(cases["Crashes"].result[0].message, "the test process was killed by SIGSEGV (Segmentation fault)")
        self.assertIsInstance(cases["Skips"].result[0], junitparser.Skipped)
        self.assertEqual(cases["Passes"].result, [])

    # --html, in a real browser.

    def chromium(self, *args):
        """Headless Chromium with a fresh profile and nothing reaching out; returns (status, stdout, stderr)."""
        profile = os.path.join(self.build, "chromium-profile")
        shutil.rmtree(profile, ignore_errors=True)
        os.makedirs(profile)
        done = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                               "--no-first-run", "--disable-background-networking", "--disable-component-update",
                               "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
                               "--window-size=1200,900"] + list(args),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
        return done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace")

    @unittest.skipUnless(os.path.exists(CHROMIUM), "chromium is not installed (.ci/install-deps installs it)")
    def test_the_html_report_renders_in_chromium_without_script_errors_showing_the_timeline_and_a_failure(self):
        with open(self.html) as f:
            page = f.read()
        self.assertNotRegex(page, r"(src|href)=|url\(|@import")  # self-contained
        # A probe appended to a copy: where the browser laid out a failed case and the failure's text.
        probe = os.path.join(self.build, "report-probe.html")
        with open(probe, "w") as f:
            f.write(page.replace("</body>", PROBE + "</body>"))
        status, dom, log = self.chromium("--dump-dom", "file://" + probe)
        self.assertEqual(status, 0, log)
        self.assertNotIn("Uncaught", log)
        self.assertNotIn("INFO:CONSOLE", log)
        self.assertIn('data-cases-drawn="10"', dom)  # the page's own script ran
        seen = json.loads(re.search(r'data-probe="([^"]*)"', dom).group(1).replace("&quot;", '"'))
        self.assertEqual(seen["rows"], 2)
        for what in ("failed_case", "failure"):
            box = seen[what]
            self.assertGreater(box["width"], 0, seen)
            self.assertGreater(box["height"], 0, seen)
            self.assertTrue(box["visible"], seen)
        self.assertIn("one is not two", seen["failure_text"])
        screenshot = os.path.join(self.build, "html-report.png")  # kept as the test's artifact
        status, _, log = self.chromium("--screenshot=" + screenshot, "file://" + self.html)
        self.assertEqual(status, 0, log)
        with open(screenshot, "rb") as f:
            self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n")

    # Bad input: refused before any test runs.

    def assert_refused(self, args, message):
        status, output = e2e.ptest(self.build, *args)
        self.assertEqual(status, 4, output)
        self.assertEqual(output.count("\n"), 1, output)
        self.assertTrue(output.startswith("ptest: error: " + message), output)

    def test_an_output_path_in_a_missing_directory_a_directory_or_unwritable_is_refused(self):
        for flag in ("--trace", "--report-log"):
            self.assert_refused([flag, "/nonexistent/dir/out.json"],
                                "argument %s '/nonexistent/dir/out.json': directory '/nonexistent/dir' is not "
                                "writable (No such file or directory)" % flag)
            self.assert_refused([flag, self.build], "argument %s '%s': is a directory, not a file" % (flag, self.build))
            self.assert_refused([flag, "/proc/ptest-out.json"], "argument %s '/proc/ptest-out.json': " % flag)
        self.assertFalse(os.path.exists("/proc/ptest-out.json"))

    def test_a_bad_progress_or_color_word_lists_the_choices(self):
        self.assert_refused(["--progress", "fancy"], "argument --progress 'fancy': expected bar, counter or none")
        self.assert_refused(["--color", "bad"], "argument --color 'bad': expected auto, always or never")


class StealsInTheTrace(unittest.TestCase):
    """-n 2 --dist worksteal with one long case among short ones: the worker
    left with short cases runs out while the other is in the long case, and
    the trace marks its steal."""

    @classmethod
    def setUpClass(cls):
        cls.build = e2e.configure_and_build("worksteal", "worksteal")
        cls.trace = os.path.join(cls.build, "trace.json")
        cls.status, cls.output = e2e.ptest(cls.build, "-n", "2", "--dist", "worksteal", "--trace", cls.trace)

    def test_the_thief_track_has_a_steal_where_its_process_of_stolen_work_starts(self):
        self.assertEqual(self.status, 0, self.output)
        with open(self.trace) as f:
            events = json.load(f)["traceEvents"]
        long_case = [e for e in events if e.get("cat") == "case" and e["name"] == "Long.Takes3s"][0]
        thief = 1 - long_case["tid"]
        steals = [e for e in events if e.get("cat") == "steal"]
        self.assertTrue(steals, events)
        for steal in steals:
            self.assertEqual((steal["name"], steal["ph"]), ("steal", "i"))
            self.assertEqual(steal["tid"], thief)
            self.assertEqual(steal["args"]["from"], "gw%d" % long_case["tid"])
        stolen = [e for e in events if e.get("cat") == "process" and "stolen_from" in e["args"]]
        self.assertEqual(sorted((p["tid"], p["ts"]) for p in stolen), sorted((s["tid"], s["ts"]) for s in steals))
        self.assertTrue(all(p["args"]["stolen_from"] == "gw%d" % long_case["tid"] for p in stolen), stolen)


class MarkerSlowPeriod(unittest.TestCase):
    """ptest_marker_defaults(integration SLOW 0.3): the project's word on a
    marker's cases beats the run's --slow, and --slow 0 still silences all."""

    MARKED = "slow_marker_tests::Integration.Takes1500ms"
    UNMARKED = "slow_marker_tests::Unit.Takes1500ms"

    @classmethod
    def setUpClass(cls):
        cls.build = e2e.configure_and_build("slow_marker", "slow-marker")

    def test_the_manifest_carries_the_period_only_for_the_marked_case(self):
        cases = {case["id"]: case for case in e2e.manifest(self.build)["cases"]}
        self.assertEqual(cases[self.MARKED]["slow"], 0.3)
        self.assertNotIn("slow", cases[self.UNMARKED])

    def test_the_marked_case_is_announced_after_its_own_period_under_a_long_slow(self):
        status, output = e2e.ptest(self.build, "-n", "2", "--slow", "60")
        self.assertEqual(status, 0, output)
        self.assertIn("SLOW [> 0.3s] %s\n" % self.MARKED, output)
        announced = [line for line in output.splitlines() if line.startswith("SLOW ")]
        self.assertTrue(announced, output)
        self.assertTrue(all(line.endswith(" " + self.MARKED) for line in announced), output)

    def test_slow_zero_announces_not_even_the_marked_case(self):
        status, output = e2e.ptest(self.build, "-n", "2", "--slow", "0")
        self.assertEqual(status, 0, output)
        self.assertNotIn("SLOW ", output)


if __name__ == "__main__":
    e2e.main()
