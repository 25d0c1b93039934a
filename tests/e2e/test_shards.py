"""Sharding across CI machines: --shard K/N and auto, ptest plan and --plan,
ptest merge --verify, and the CI pipelines of examples/ci run on the example
project with 4 simulated shards, each on a "machine" of its own (a directory
with its own copy of the restored history)."""
import glob
import itertools
import json
import os
import re
import shutil
import unittest

import yaml

import e2e

EXAMPLES = os.path.join(e2e.SOURCE_DIR, "examples")
# Variables the outer CI (or ctest) may have set: each test sets its own.
SHARD_VARIABLES = ("GTEST_SHARD_INDEX", "GTEST_TOTAL_SHARDS", "CI_NODE_INDEX", "CI_NODE_TOTAL", "TEST_SHARD_INDEX",
                   "TEST_TOTAL_SHARDS", "CIRCLE_NODE_INDEX", "CIRCLE_NODE_TOTAL", "BUILDKITE_PARALLEL_JOB",
                   "BUILDKITE_PARALLEL_JOB_COUNT", "TEST_SHARD_STATUS_FILE")
for _name in SHARD_VARIABLES:
    os.environ.pop(_name, None)


def machine(root, name, build_dir, history=None):
    """A directory standing for one CI machine: the build, and its own copy of the history."""
    directory = os.path.join(root, name)
    shutil.rmtree(directory, ignore_errors=True)
    os.makedirs(directory)
    os.symlink(build_dir, os.path.join(directory, "build"))
    if history:
        shutil.copy(history, os.path.join(directory, "ptest-history.json"))
    return directory


def sh(script, cwd, env=None):
    return e2e.run(["bash", "-eu", "-c", script], cwd=cwd, env=env)


class ExamplePipelines(unittest.TestCase):
    """The shell steps of examples/ci/*.yml on examples/inventory."""

    @classmethod
    def setUpClass(cls):
        cls.root = os.path.join(e2e.WORK, "shards-pipelines")
        shutil.rmtree(cls.root, ignore_errors=True)
        source = os.path.join(cls.root, "inventory")
        shutil.copytree(os.path.join(EXAMPLES, "inventory"), source, ignore=shutil.ignore_patterns("build"))
        cls.build = os.path.join(cls.root, "build")
        e2e.configure(source, cls.build)
        e2e.build(cls.build)
        cls.selection = e2e.collect(cls.build)
        # The history a cache restores: one earlier run's.
        cls.history = os.path.join(cls.root, "restored-history.json")
        status, output = e2e.ptest(cls.build, "-n", "2", "--history", cls.history)
        assert status == 0, output

    def check_merged(self, merge_dir, output):
        self.assertIn("every case of the plan ran exactly once", output)
        report, cases = e2e.json_report(os.path.join(merge_dir, "report.json"))
        self.assertEqual(sorted(cases), self.selection)
        self.assertEqual(len(report["cases"]), len(self.selection))
        self.assertEqual(report["summary"]["selected"], len(self.selection))
        self.assertEqual(report["summary"]["passed"] + report["summary"]["skipped"], len(self.selection))
        self.assertEqual(sorted({case["shard"] for case in report["cases"]}), [1, 2, 3, 4])
        self.assertEqual(len(e2e.junit_cases(os.path.join(merge_dir, "junit.xml"))), len(self.selection))
        with open(os.path.join(merge_dir, "ptest-history.json")) as f:
            self.assertTrue(set(json.load(f)["cases"]) <= set(self.selection))

    def run_pipeline(self, name, shard_script, shard_env, merge_script):
        merge_dir = machine(self.root, name + "-merge", self.build, self.history)
        for shard in range(1, 5):
            directory = machine(self.root, "%s-shard%d" % (name, shard), self.build, self.history)
            status, output = sh(shard_script(shard), directory, shard_env(shard))
            self.assertEqual(status, 0, output)
            for report in glob.glob(os.path.join(directory, "report-*.json")):
                shutil.copy(report, merge_dir)  # the artifacts the merge job downloads
        status, output = sh(merge_script, merge_dir)
        self.assertEqual(status, 0, output)
        self.check_merged(merge_dir, output)

    def test_github_actions_matrix_and_merge(self):
        with open(os.path.join(EXAMPLES, "ci", "github-actions.yml")) as f:
            workflow = yaml.safe_load(f)
        self.assertEqual(workflow["jobs"]["test"]["strategy"]["matrix"]["shard"], [1, 2, 3, 4])
        step = lambda job, name: next(s["run"] for s in workflow["jobs"][job]["steps"] if s.get("name") == name)
        shard_step = step("test", "Test shard")
        self.run_pipeline("github", lambda shard: shard_step.replace("${{ matrix.shard }}", str(shard)),
                          lambda shard: {}, step("merge", "Merge"))

    def test_gitlab_parallel_shard_auto_and_merge(self):
        with open(os.path.join(EXAMPLES, "ci", "gitlab-ci.yml")) as f:
            pipeline = yaml.safe_load(f)
        self.assertEqual(pipeline["test"]["parallel"], 4)
        ptest_lines = lambda job: "\n".join(line for line in pipeline[job]["script"] if line.startswith("build/ptest/"))
        self.run_pipeline("gitlab", lambda shard: ptest_lines("test"),
                          lambda shard: {"CI_NODE_INDEX": str(shard), "CI_NODE_TOTAL": "4"}, ptest_lines("merge"))


class Shards(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.build = e2e.configure_and_build("shards", "shards")
        cls.root = os.path.join(e2e.WORK, "shards-runs")
        shutil.rmtree(cls.root, ignore_errors=True)
        os.makedirs(cls.root)
        cls.selection = e2e.collect(cls.build)

    def path(self, name):
        return os.path.join(self.root, name)

    def collect_shards(self, total, *args, env=None):
        shards = []
        for shard in range(1, total + 1):
            status, output = e2e.ptest(self.build, "--collect-only", "--shard", "%d/%d" % (shard, total), *args, env=env)
            self.assertEqual(status, 0, output)  # also for an empty shard (few units, spread by hash)
            shards.append(output.split())
        return shards

    def test_every_dist_mode_runs_the_selection_once_with_groups_and_serial_cases_whole(self):
        history = self.path("dist-history.json")
        status, output = e2e.ptest(self.build, "--history", history)
        self.assertEqual(status, 0, output)
        for dist, with_history in itertools.product(("worksteal", "load", "loadscope", "loadfile", "loadgroup"),
                                                    (False, True)):
            shards = self.collect_shards(3, "--dist", dist, "--history", history if with_history else self.path("none"))
            self.assertEqual(sorted(sum(shards, [])), self.selection, dist)
            for together in ("::Ledger.", "::Exclusive."):
                self.assertEqual(sum(any(together in case for case in shard) for shard in shards), 1, (dist, together))
            if dist == "loadscope":
                self.assertEqual(sum(any("::Numbers/Beta." in case for case in shard) for shard in shards), 1)

    def test_shards_run_their_part_and_merge_verifies_it(self):
        restored = self.path("run-history.json")
        status, output = e2e.ptest(self.build, "--history", restored)
        self.assertEqual(status, 0, output)
        reports = []
        for shard in (1, 2, 3):
            reports.append(self.path("run-%d.json" % shard))
            own = self.path("run-history-%d.json" % shard)  # each "machine" restores the same history
            shutil.copy(restored, own)
            # The outer environment's shard variables must not reach the test processes.
            status, output = e2e.ptest(self.build, "-n", "2", "--shard", "%d/3" % shard, "--report-json", reports[-1],
                                       "--history", own,
                                       env={"GTEST_SHARD_INDEX": "0", "GTEST_TOTAL_SHARDS": "7", "CI_NODE_TOTAL": "3"})
            self.assertEqual(status, 0, output)
        report, _ = e2e.json_report(reports[0])
        self.assertEqual(report["shard"]["total"], 3)
        self.assertEqual(report["shard"]["plan_selected"], len(self.selection))
        self.assertRegex(report["shard"]["plan_digest"], "^[0-9a-f]{16}$")
        status, output = e2e.ptest(self.build, "merge", *reports, "--verify", "--report-json", self.path("merged.json"))
        self.assertEqual(status, 0, output)
        _, cases = e2e.json_report(self.path("merged.json"))
        self.assertEqual(sorted(cases), self.selection)

    def test_verify_fails_on_a_missing_shard_a_repeated_one_and_a_shard_that_ran_everything(self):
        reports = {}
        for shard in (1, 2):
            reports[shard] = self.path("verify-%d.json" % shard)
            status, output = e2e.ptest(self.build, "--shard", "%d/2" % shard, "--report-json", reports[shard])
            self.assertEqual(status, 0, output)
        everything = self.path("verify-everything.json")
        status, output = e2e.ptest(self.build, "--report-json", everything)  # its shard variable was lost
        self.assertEqual(status, 0, output)
        status, output = e2e.ptest(self.build, "merge", reports[1], "--verify")
        self.assertEqual(status, 1, output)
        self.assertIn("shard 2/2: no report", output)
        status, output = e2e.ptest(self.build, "merge", reports[1], reports[1], "--verify")
        self.assertEqual(status, 1, output)
        self.assertIn("ran 2 times (shards 1, 1): ", output)
        status, output = e2e.ptest(self.build, "merge", reports[1], reports[2], everything, "--verify",
                                   "--report-json", self.path("merged-anyway.json"))
        self.assertEqual(status, 1, output)
        self.assertIn("not from a --shard run", output)

    def test_plan_artifact_gives_each_shard_its_part_and_its_digest(self):
        plan = self.path("plan.json")
        status, output = e2e.ptest(self.build, "plan", "--shards", "2", "-o", plan, "-k", "not Gamma")
        self.assertEqual(status, 0, output)
        with open(plan) as f:
            document = json.load(f)
        self.assertEqual(len(document["shards"]), 2)
        reports = []
        for shard in (1, 2):
            reports.append(self.path("plan-run-%d.json" % shard))
            status, output = e2e.ptest(self.build, "--shard", "%d/2" % shard, "--plan", plan, "--report-json", reports[-1])
            self.assertEqual(status, 0, output)
            report, cases = e2e.json_report(reports[-1])
            self.assertEqual(report["shard"]["plan_digest"], document["digest"])
            self.assertEqual(sorted(cases), sorted(document["shards"][shard - 1]["cases"]))
        status, output = e2e.ptest(self.build, "merge", *reports, "--verify")
        self.assertEqual(status, 0, output)
        self.assertNotIn("Gamma", json.dumps(document))

    def test_an_empty_shard_exits_0_and_still_reports_for_verify(self):
        reports = [self.path("ledger-%d.json" % shard) for shard in (1, 2, 3)]
        # Each shard with a history of its own (none), as on machines of their own.
        no_history = lambda name: ["--history", self.path("ledger-history-%s.json" % name)]
        for shard, report in enumerate(reports, 1):  # the Ledger group is one unit: one shard has it all
            status, output = e2e.ptest(self.build, "-k", "Ledger", "--shard", "%d/3" % shard, "--report-json", report,
                                       *no_history(shard))
            self.assertEqual(status, 0, output)
        self.assertEqual(sorted(e2e.json_report(r)[0]["shard"]["shard_selected"] for r in reports), [0, 0, 3])
        empty = next(shard for shard, r in enumerate(reports, 1) if not e2e.json_report(r)[1])
        status, output = e2e.ptest(self.build, "-k", "Ledger", "--shard", "%d/3" % empty, "--collect-only",
                                   *no_history("collect"))
        self.assertEqual((status, output), (0, ""))
        status, output = e2e.ptest(self.build, "merge", *reports, "--verify")
        self.assertEqual(status, 0, output)

    def test_shard_auto_reads_the_ci_variables_and_says_so(self):
        for env, expected in (({"CI_NODE_INDEX": "2", "CI_NODE_TOTAL": "3"}, "shard 2/3 from GitLab"),
                              ({"BUILDKITE_PARALLEL_JOB": "0", "BUILDKITE_PARALLEL_JOB_COUNT": "3"}, "shard 1/3 from Buildkite"),
                              ({"GTEST_SHARD_INDEX": "2", "GTEST_TOTAL_SHARDS": "3"}, "shard 3/3 from GoogleTest")):
            status, output = e2e.ptest(self.build, "--collect-only", "--shard", "auto", env=env)
            self.assertEqual(status, 0, output)
            self.assertIn("ptest: " + expected, output)
            index = int(re.search(r"shard (\d)/3", output).group(1))
            self.assertEqual(output.splitlines()[1:], self.collect_shards(3)[index - 1])

    def test_bazel_test_protocol_with_the_variables_bazel_sets(self):
        """As `bazel test` (shard_count = 2, --test_filter) runs an sh_test around the runner."""
        bazel = self.path("bazel")
        shutil.rmtree(bazel, ignore_errors=True)
        for sub in ("tmp", "outputs"):
            os.makedirs(os.path.join(bazel, sub))
        env = {"TEST_SHARD_INDEX": "1", "TEST_TOTAL_SHARDS": "2",
               "TEST_SHARD_STATUS_FILE": os.path.join(bazel, "shard-status"),
               "XML_OUTPUT_FILE": os.path.join(bazel, "test.xml"),
               "TEST_PREMATURE_EXIT_FILE": os.path.join(bazel, "premature-exit"),
               "TESTBRIDGE_TEST_ONLY": "alpha_tests::*",
               "TEST_TMPDIR": os.path.join(bazel, "tmp"),
               "TEST_UNDECLARED_OUTPUTS_DIR": os.path.join(bazel, "outputs")}
        status, output = e2e.ptest(self.build, "-n", "2", "--shard", "auto", env=env)
        self.assertEqual(status, 0, output)
        self.assertIn("ptest: shard 2/2 from Bazel", output)
        self.assertTrue(os.path.exists(env["TEST_SHARD_STATUS_FILE"]))
        self.assertFalse(os.path.exists(env["TEST_PREMATURE_EXIT_FILE"]))  # a clean exit removes it
        report, cases = e2e.json_report(os.path.join(bazel, "outputs", "ptest-report.json"))
        self.assertEqual(report["shard"]["index"], 2)
        self.assertTrue(cases and all(case.startswith("alpha_tests::") for case in cases))
        self.assertEqual(len(e2e.junit_cases(env["XML_OUTPUT_FILE"])), len(cases))

    def assert_usage_error(self, args, expected, status=4, env=None):
        code, output = e2e.ptest(self.build, *args, env=env)
        self.assertEqual(code, status, output)
        errors = [line for line in output.splitlines() if line.startswith("ptest: error: ")]
        self.assertEqual(len(errors), 1, output)
        self.assertIn(expected, errors[0])

    def test_bad_input_is_one_line_and_exit_4(self):
        for bad in ("0/4", "5/4", "a/b", "2"):
            self.assert_usage_error(["--shard", bad], "argument --shard '%s'" % bad)
        self.assert_usage_error(["--shard", "auto"], "no CI shard variables found")
        self.assert_usage_error(["--shard", "1/2", "--dist", "no"], "not with --dist no")
        self.assert_usage_error(["--plan", self.path("plan.json")], "only with --shard")
        not_ours = self.path("not-ours.json")
        with open(not_ours, "w") as f:
            f.write('{"durations": [1, 2]}')
        self.assert_usage_error(["--shard", "1/2", "--history", not_ours], "not a ptest duration history")
        self.assert_usage_error(["merge", self.path("missing.json")], "report '%s'" % self.path("missing.json"))
        self.assert_usage_error(["merge", not_ours], "not a ptest JSON report")

    def test_a_plan_from_another_manifest_or_for_other_shards_is_refused(self):
        other = self.path("other-plan.json")
        status, output = e2e.ptest(self.build, "plan", "--shards", "2", "-o", other)
        self.assertEqual(status, 0, output)
        with open(other) as f:
            document = json.load(f)
        document["manifest_digest"] = "0123456789abcdef"
        with open(other, "w") as f:
            json.dump(document, f)
        self.assert_usage_error(["--shard", "1/2", "--plan", other], "made from another manifest")
        status, output = e2e.ptest(self.build, "plan", "--shards", "3", "-o", other)
        self.assert_usage_error(["--shard", "1/2", "--plan", other], "has 3 shards, not 2")

    def test_merge_of_reports_from_different_plans_is_refused(self):
        first, second = self.path("plan-a.json"), self.path("plan-b.json")
        for report, shard, total in ((first, 1, 2), (second, 2, 3)):
            status, output = e2e.ptest(self.build, "--shard", "%d/%d" % (shard, total), "--report-json", report)
            self.assertEqual(status, 0, output)
        self.assert_usage_error(["merge", first, second, "--report-json", self.path("no.json")], "did not share")
        self.assertFalse(os.path.exists(self.path("no.json")))


if __name__ == "__main__":
    e2e.main()
