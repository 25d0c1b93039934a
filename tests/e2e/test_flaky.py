"""Flaky and order-dependent cases: --reruns makes a case that fails and then
passes `flaky`, keeping every attempt in the reports; --lf picks what failed
or never ran; --random-order-seed repeats the same processes; replay runs
a report's processes again; bad flags and reports are exit 4."""
import json
import os
import unittest
import xml.etree.ElementTree as ElementTree

import e2e

FIRST = "flaky::Flaky.FailsOnFirstAttempt"
ALWAYS = "flaky::Flaky.AlwaysFails"
PASSES = "flaky::Flaky.Passes"
ORDER_B = "flaky::Order.B"
LATER = "zlater::Later.Passes"


class Flaky(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.build = e2e.configure_and_build("flaky", "flaky")
        cls.runs = 0

    def run_with_report(self, *args):
        """Runs ptest with a JSON report; returns (status, output, report, cases by id)."""
        type(self).runs += 1
        path = os.path.join(self.build, "report-%d.json" % self.runs)
        status, output = e2e.ptest(self.build, "--report-json", path, *args)
        report, cases = e2e.json_report(path)
        self.last_report = path
        return status, output, report, cases

    def test_a_case_that_passes_on_a_rerun_is_flaky_and_the_run_passes(self):
        status, output, report, cases = self.run_with_report("-n", "2", "--reruns", "2", FIRST, PASSES)
        self.assertEqual(status, 0, output)
        self.assertEqual(cases[FIRST]["outcome"], "flaky", output)
        self.assertEqual([a["outcome"] for a in cases[FIRST]["attempts"]], ["failed", "passed"])
        self.assertIn("FLAKY 2/3 " + FIRST, output)
        self.assertIn("1 passed, 1 flaky in", output)
        self.assertEqual(report["summary"]["flaky"], 1)

    def test_flaky_result_fail_makes_a_flaky_case_fail_the_run(self):
        status, output, _, cases = self.run_with_report("--reruns", "1", "--flaky-result", "fail", FIRST)
        self.assertEqual(status, 1, output)
        self.assertEqual(cases[FIRST]["outcome"], "flaky")

    def test_every_attempt_is_kept_in_the_json_report_and_junit(self):
        junit = os.path.join(self.build, "attempts.xml")
        status, output, report, cases = self.run_with_report("-n", "2", "--reruns", "2", "--junitxml", junit,
                                                             FIRST, ALWAYS)
        self.assertEqual(status, 1, output)
        self.assertEqual(cases[ALWAYS]["outcome"], "failed")
        attempts = cases[ALWAYS]["attempts"]
        self.assertEqual([a["outcome"] for a in attempts], ["failed"] * 3)
        for attempt in attempts:
            self.assertIn("fails every time", attempt["output"])
            self.assertIn(attempt["worker"], ("gw0", "gw1"))
        # Each rerun was a process of its own.
        alone = [p for p in report["processes"] if p["cases"] == [ALWAYS]]
        self.assertGreaterEqual(len(alone), 2, report["processes"])
        by_name = {c.get("name"): c for c in ElementTree.parse(junit).getroot().iter("testcase")}
        flaky, failing = by_name["FailsOnFirstAttempt"], by_name["AlwaysFails"]
        self.assertIsNone(flaky.find("failure"))
        self.assertEqual(len(flaky.findall("flakyFailure")), 1)
        self.assertIn("first attempt of run", flaky.find("flakyFailure/stackTrace").text)
        self.assertIsNotNone(failing.find("failure"))
        self.assertEqual(len(failing.findall("rerunFailure")), 2)

    def test_an_order_dependent_case_passes_alone_on_its_rerun(self):
        status, output, _, cases = self.run_with_report("--dist", "no", "--reruns", "1", "flaky::Order.*")
        self.assertEqual(status, 0, output)
        self.assertEqual(cases[ORDER_B]["outcome"], "flaky")
        self.assertIn("Order.A ran before me", cases[ORDER_B]["attempts"][0]["output"])

    def test_a_markers_reruns_apply_without_the_flag_and_the_flag_overrides_them(self):
        self.assertEqual([c["reruns"] for c in e2e.manifest(self.build)["cases"] if c["id"] == FIRST], [2])
        status, output, _, cases = self.run_with_report(FIRST, ALWAYS)  # ptest_marker_defaults(flaky RERUNS 2)
        self.assertEqual(cases[FIRST]["outcome"], "flaky", output)
        self.assertEqual(len(cases[FIRST]["attempts"]), 2)
        self.assertNotIn("attempts", cases[ALWAYS])  # no marker, no rerun
        status, output, _, cases = self.run_with_report("--reruns", "0", FIRST)
        self.assertEqual(cases[FIRST]["outcome"], "failed", output)

    def test_a_bad_reruns_default_fails_configure(self):
        source = os.path.join(e2e.WORK, "flaky-bad-reruns")
        os.makedirs(source, exist_ok=True)
        with open(os.path.join(source, "CMakeLists.txt"), "w") as f:
            f.write("cmake_minimum_required(VERSION 3.20)\nproject(bad NONE)\n"
                    "find_package(PTest CONFIG REQUIRED)\n"
                    "ptest_markers(flaky \"may fail\")\nptest_marker_defaults(flaky RERUNS two)\n")
        status, output = e2e.configure(source, source + "-build", expect_ok=False)
        self.assertNotEqual(status, 0)
        self.assertIn("ptest_marker_defaults(): RERUNS 'two' is not a whole number from 0", output)

    def test_last_failed_runs_exactly_what_failed(self):
        status, output, _, cases = self.run_with_report("--dist", "no", "--reruns", "0", "flaky::*")
        self.assertEqual(status, 1, output)
        failed = sorted(i for i, c in cases.items() if c["outcome"] == "failed")
        self.assertEqual(failed, sorted([FIRST, ALWAYS, ORDER_B]))
        self.assertEqual(e2e.collect(self.build, "--lf", "flaky::*"), failed)
        self.assertEqual(e2e.collect(self.build, "--last-failed", "flaky::*"), failed)

    def test_last_failed_also_runs_what_an_early_stop_left_not_run(self):
        status, output, report, cases = self.run_with_report("--dist", "no", "-x", ALWAYS, LATER)
        self.assertEqual(status, 1, output)
        self.assertNotIn(LATER, cases)  # -x stopped before its process
        self.assertEqual(report["summary"]["not_run"], 1)
        self.assertEqual(e2e.collect(self.build, "--lf", ALWAYS, LATER), sorted([ALWAYS, LATER]))
        status, output, _, cases = self.run_with_report("--lf", ALWAYS, LATER, PASSES)
        self.assertEqual(sorted(cases), sorted([ALWAYS, LATER]), output)

    def test_failed_first_runs_them_first_then_the_rest(self):
        self.run_with_report("--dist", "no", "--reruns", "0", "flaky::Flaky.*")
        status, output, report, _ = self.run_with_report("--dist", "no", "--reruns", "0", "--ff", "flaky::Flaky.*")
        started = [case for process in report["processes"] for case in process["cases"]]
        self.assertEqual(sorted(started[:2]), sorted([FIRST, ALWAYS]), report["processes"])
        self.assertEqual(started[2:], [PASSES])

    def test_last_failed_with_nothing_failed_runs_all_unless_none(self):
        self.run_with_report(PASSES)
        status, output = e2e.ptest(self.build, "--lf", PASSES)
        self.assertEqual(status, 0, output)
        self.assertIn("--lf: nothing failed last time; running all 1 selected", output)
        status, output = e2e.ptest(self.build, "--lf", "--lfnf", "none", PASSES)
        self.assertEqual(status, 5, output)

    def test_the_same_seed_gives_the_same_processes_and_another_seed_another_order(self):
        def sequences(seed):
            status, output, report, _ = self.run_with_report("--dist", "no", "--random-order-seed", seed, "flaky::*",
                                                             "zlater::*")
            self.assertIn("random order, seed %s" % seed, output)
            self.assertEqual(report["random_order_seed"], int(seed))
            self.assertEqual({p.get("gtest_random_seed") for p in report["processes"]}, {int(seed) % 99999 + 1})
            return [(p["worker"], p["target"], p["cases"]) for p in report["processes"]]

        first = sequences("1234")
        self.assertEqual(sequences("1234"), first)
        self.assertNotEqual(sequences("99"), first)

    def test_random_order_seed_last_reuses_the_last_runs_seed(self):
        _, output, report, _ = self.run_with_report("--random-order", PASSES)
        seed = report["random_order_seed"]
        self.assertIsInstance(seed, int)
        _, output, report, _ = self.run_with_report("--random-order-seed", "last", PASSES)
        self.assertEqual(report["random_order_seed"], seed, output)

    def test_count_runs_every_case_that_many_times_over_the_workers(self):
        status, output, report, _ = self.run_with_report("-n", "2", "--count", "3", PASSES, LATER)
        self.assertEqual(status, 0, output)
        ids = sorted(case["id"] for case in report["cases"])
        self.assertEqual(ids, sorted([PASSES] * 3 + [LATER] * 3))
        for process in report["processes"]:  # a round of a case needs a process of its own
            self.assertEqual(len(process["cases"]), len(set(process["cases"])), report["processes"])
        self.assertIn("6 passed", output)

    def test_count_with_exitfirst_stops_at_the_first_failure(self):
        status, output, report, _ = self.run_with_report("-n", "1", "--count", "5", "-x", ALWAYS)
        self.assertEqual(status, 1, output)
        self.assertEqual(len(report["cases"]), 1)
        self.assertEqual(report["summary"]["not_run"], 4)

    def test_flaky_lists_the_cases_that_flipped_with_their_counts(self):
        for _ in range(2):
            self.run_with_report("--reruns", "1", FIRST, PASSES)  # flaky each run
        self.run_with_report("--reruns", "0", FIRST, PASSES)  # fails this time
        status, output = e2e.ptest(self.build, "--flaky", FIRST, PASSES)
        self.assertEqual(status, 0, output)
        lines = output.strip().splitlines()
        self.assertEqual(lines[0].split(), ["flips", "flaky", "failed", "runs", "case"])
        rows = {line.split()[-1]: [int(n) for n in line.split()[:4]] for line in lines[1:]}
        self.assertNotIn(PASSES, rows)  # it never flipped
        flips, flaky, failed, runs = rows[FIRST]
        self.assertGreaterEqual(flaky, 2)
        self.assertGreaterEqual(failed, 1)
        self.assertGreaterEqual(flips, flaky + 1)
        history = json.load(open(os.path.join(self.build, "ptest", "history.json")))
        self.assertTrue(history["cases"][FIRST]["recent"].endswith("kkf"), history["cases"][FIRST])

    def order_runs(self):
        """Runs Order.* in one shuffled process per seed until one where B failed
        after A and one where it passed; returns their report paths."""
        found = {}
        for seed in range(1, 30):
            status, output, report, cases = self.run_with_report("--dist", "no", "--random-order-seed", str(seed),
                                                                 "flaky::Order.*")
            found.setdefault(cases[ORDER_B]["outcome"], (self.last_report, report))
            if len(found) == 2:
                return found
        self.fail("no seed from 1 to 29 ran Order.B both before and after Order.A: %s" % found)

    def test_replay_brings_back_an_order_dependent_failure(self):
        found = self.order_runs()
        path, original = found["failed"]
        self.assertEqual(e2e.collect(self.build, ORDER_B), [ORDER_B])
        status, output = e2e.ptest(self.build, ORDER_B)  # alone, it passes
        self.assertEqual(status, 0, output)
        replayed = os.path.join(self.build, "replayed.json")
        status, output = e2e.ptest(self.build, "replay", path, "--report-json", replayed)
        self.assertEqual(status, 1, output)
        self.assertIn("replaying 1 test process of", output)
        report, cases = e2e.json_report(replayed)
        self.assertEqual(cases[ORDER_B]["outcome"], "failed", output)
        self.assertEqual([p["cases"] for p in report["processes"]], [p["cases"] for p in original["processes"]])
        # And the run where B came first passes again.
        status, output = e2e.ptest(self.build, "replay", found["passed"][0])
        self.assertEqual(status, 0, output)

    def test_replay_of_one_worker_runs_only_its_processes(self):
        _, _, original, _ = self.run_with_report("-n", "2", "--dist", "load", "flaky::Order.*", "flaky::Flaky.Passes")
        workers = sorted({p["worker"] for p in original["processes"]})
        replayed = os.path.join(self.build, "one-worker.json")
        status, output = e2e.ptest(self.build, "replay", self.last_report, "--worker", workers[-1],
                                   "--report-json", replayed)
        report, _ = e2e.json_report(replayed)
        expected = [p["cases"] for p in original["processes"] if p["worker"] == workers[-1]]
        self.assertEqual([p["cases"] for p in report["processes"]], expected, output)
        self.assertEqual({p["worker"] for p in report["processes"]}, {workers[-1]})

    def test_replay_of_bad_reports_is_one_error_line_and_exit_4(self):
        missing = os.path.join(self.build, "missing.json")
        self.assert_usage_error(["replay", missing], "replay report '%s'" % missing)
        _, _, report, _ = self.run_with_report(PASSES)
        with open(self.last_report) as f:
            text = f.read()
        truncated = os.path.join(self.build, "truncated.json")
        with open(truncated, "w") as f:
            f.write(text[: len(text) // 2])
        self.assert_usage_error(["replay", truncated], "not JSON, or cut short")
        foreign = os.path.join(self.build, "foreign.json")
        with open(foreign, "w") as f:
            f.write('{"tests": []}')
        self.assert_usage_error(["replay", foreign], "not a ptest JSON report")
        self.assert_usage_error(["replay", self.last_report, "--worker", "gw9"], "argument --worker 'gw9'")
        renamed = os.path.join(self.build, "renamed.json")
        report["processes"][0]["cases"] = ["flaky::Gone.Case"]
        with open(renamed, "w") as f:
            f.write(json.dumps(report))
        self.assert_usage_error(["replay", renamed], "case 'flaky::Gone.Case' is not in the manifest")
        # A manifest whose binaries are gone: rebuild first.
        manifest = e2e.manifest(self.build)
        for target in manifest["targets"]:
            target["executable"] = os.path.join(self.build, "gone", os.path.basename(target["executable"]))
        moved = os.path.join(self.build, "moved-manifest.json")
        with open(moved, "w") as f:
            f.write(json.dumps(manifest))
        self.assert_usage_error(["replay", self.last_report, "--manifest", moved], "rebuild the project")

    def assert_usage_error(self, args, message):
        status, output = e2e.ptest(self.build, *args)
        self.assertEqual(status, 4, output)
        lines = output.strip().splitlines()
        self.assertEqual(len(lines), 1, output)
        self.assertTrue(lines[0].startswith("ptest: error: "), output)
        self.assertIn(message, lines[0])

    def test_bad_flags_are_one_error_line_and_exit_4(self):
        self.assert_usage_error(["--reruns", "-1"], "argument --reruns '-1'")
        self.assert_usage_error(["--random-order-seed", "abc"], "argument --random-order-seed 'abc'")
        self.assert_usage_error(["--flaky-result", "maybe"], "argument --flaky-result 'maybe'")

    def test_seed_last_without_an_earlier_random_run_is_an_error(self):
        self.run_with_report(PASSES)  # a run that kept its order
        self.assert_usage_error(["--random-order-seed", "last", PASSES], "no earlier run with random order")


if __name__ == "__main__":
    e2e.main()
