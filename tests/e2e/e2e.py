"""Shared helpers of the end-to-end tests: build real consumer projects with
CMake and Ninja, and run real ctest and the real ptest runner on them.

The tests read their paths from the environment that tests/e2e/CMakeLists.txt
gives them, so they also run by hand:

    PTEST_SOURCE_DIR=$PWD PTEST_E2E_WORK=/tmp/e2e PTEST_E2E_PREFIX=/tmp/e2e/prefix \\
        python3 tests/e2e/test_consumer.py
"""
import json
import os
import shutil
import subprocess
import unittest
import xml.etree.ElementTree as ElementTree

SOURCE_DIR = os.environ.get("PTEST_SOURCE_DIR", os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
WORK = os.environ.get("PTEST_E2E_WORK", "/tmp/ptest-e2e")
PREFIX = os.environ.get("PTEST_E2E_PREFIX", os.path.join(WORK, "prefix"))
CMAKE = os.environ.get("CMAKE_COMMAND", "cmake")
CTEST = os.environ.get("CTEST_COMMAND", "ctest")
PROJECTS = os.path.join(SOURCE_DIR, "tests", "e2e", "projects")


def run(args, cwd=None, env=None, timeout=600):
    """Runs a command and returns (exit status, stdout + stderr)."""
    full_env = dict(os.environ)
    # The outer ctest or runner must not leak its own selection into the inner runs.
    for name in ("PTEST_ADDOPTS", "GTEST_FILTER"):
        full_env.pop(name, None)
    full_env.update(env or {})
    done = subprocess.run(args, cwd=cwd, env=full_env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          timeout=timeout)
    return done.returncode, done.stdout.decode("utf-8", "replace")


def configure(source, build, *definitions, expect_ok=True):
    shutil.rmtree(build, ignore_errors=True)
    args = [CMAKE, "-S", source, "-B", build, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release",
            "-DCMAKE_PREFIX_PATH=" + PREFIX] + list(definitions)
    status, output = run(args)
    if expect_ok and status != 0:
        raise AssertionError("configure of %s failed:\n%s" % (source, output))
    return status, output


def build(build_dir, *targets, expect_ok=True):
    args = [CMAKE, "--build", build_dir, "-j", "2"]
    for target in targets:
        args += ["--target", target]
    status, output = run(args)
    if expect_ok and status != 0:
        raise AssertionError("build of %s failed:\n%s" % (build_dir, output))
    return status, output


def configure_and_build(project, name, *definitions):
    """Builds tests/e2e/projects/<project> in WORK/<name>; returns the build dir."""
    build_dir = os.path.join(WORK, name)
    configure(os.path.join(PROJECTS, project), build_dir, *definitions)
    build(build_dir)
    return build_dir


def ptest(build_dir, *args, env=None):
    """Runs the runner through the build's own build/ptest/ptest wrapper."""
    return run([os.path.join(build_dir, "ptest", "ptest")] + list(args), cwd=build_dir, env=env)


def manifest(build_dir):
    with open(os.path.join(build_dir, "ptest", "manifest.json")) as f:
        return json.load(f)


def ctest_tests(build_dir, *args):
    """ctest --show-only=json-v1: {test name: {property: value}} for the tests it would run."""
    status, output = run([CTEST, "--show-only=json-v1"] + list(args), cwd=build_dir)
    if status != 0:
        raise AssertionError("ctest --show-only failed:\n" + output)
    tests = {}
    for test in json.loads(output)["tests"]:
        tests[test["name"]] = {p["name"]: p["value"] for p in test.get("properties", [])}
    return tests


def ctest_names(build_dir, *args):
    return sorted(ctest_tests(build_dir, *args))


def collect(build_dir, *args):
    status, output = ptest(build_dir, "--collect-only", *args)
    if status not in (0, 5):
        raise AssertionError("ptest --collect-only failed (%d):\n%s" % (status, output))
    return sorted(line for line in output.splitlines() if line)


def json_report(path):
    with open(path) as f:
        report = json.load(f)
    return report, {case["id"]: case for case in report["cases"]}


def junit_cases(path):
    """{'<testsuite>.<classname>.<name>': (outcome, message, text)} from a JUnit XML file: the
    testsuite is the target, the classname the suite."""
    cases = {}
    for suite in ElementTree.parse(path).getroot().iter("testsuite"):
        for case in suite.iter("testcase"):
            outcome, message, text = "passed", "", ""
            for tag in ("failure", "error", "skipped"):
                element = case.find(tag)
                if element is not None:
                    outcome, message, text = tag, element.get("message", ""), element.text or ""
            cases[suite.get("name") + "." + case.get("classname") + "." + case.get("name")] = (outcome, message, text)
    return cases


main = unittest.main
