#!/usr/bin/env python3
"""ptest's benchmark: generates GoogleTest consumer projects, builds them,
and runs ptest and ctest on the same binaries in one run, printing ratios
against the targets in docs/performance.md.

    python3 tests/perf/bench.py                # work dir: build/bench
    python3 tests/perf/bench.py --work /tmp/b  # elsewhere

It measures; it does not decide whether anything passes (exit status 0 even
when a target is missed). Nothing here is part of the test suite.
"""
import argparse
import json
import math
import os
import random
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


# ---------------------------------------------------------------- generation

def durations_ms(profile, count, seed):
    """Per-case durations. 'skewed': lognormal, most short, a heavy tail,
    sorted so the longest come last: the worst order for a scheduler with no
    history."""
    if profile == "trivial":
        return [0] * count
    rng = random.Random(seed)
    values = [min(3000, int(rng.lognormvariate(math.log(20), 1.2))) for _ in range(count)]
    return sorted(values)


def cold_start_ms(count, long_at):
    """One long case (6 s) at `long_at`, four medium ones (2.5 s in all)
    spread through the suite, the rest 1 ms: the shape of a real suite that
    a first run once ran at serial speed."""
    values = [1] * count
    values[long_at] = 6000
    for k, ms in enumerate((300, 500, 700, 1000)):
        at = (count * (k + 1)) // 5 + 7
        values[at if at != long_at else at + 1] = ms
    return values


def write_project(directory, cases, binaries, suites, profile, seed=7, chatty_mb=0, durations=None):
    """A CMake project of `binaries` gtest binaries; case i goes to binary
    i % binaries, and within a binary into `suites` contiguous suites of
    value-parameterized cases. Registered with gtest_discover_tests or
    ptest_discover_tests (CTest CASES or RUNNER mode), chosen by
    -DREGISTER=gtest|ptest|ptest-runner."""
    shutil.rmtree(directory, ignore_errors=True)
    os.makedirs(directory)
    all_ms = durations if durations is not None else durations_ms(profile, cases, seed)
    per_binary = [all_ms[b::binaries] for b in range(binaries)]
    lists = ["cmake_minimum_required(VERSION 3.20)", "project(bench CXX)", "set(CMAKE_CXX_STANDARD 17)",
             "find_package(GTest REQUIRED)", "enable_testing()",
             'set(REGISTER "ptest" CACHE STRING "gtest, ptest or ptest-runner (CTEST_MODE RUNNER)")',
             'set(MODE CASES)', 'if(REGISTER STREQUAL "ptest-runner")', "  set(MODE RUNNER)", "endif()",
             'if(REGISTER MATCHES "^ptest")', "  find_package(PTest CONFIG REQUIRED)",
             "else()", "  include(GoogleTest)", "endif()"]
    for b, ms in enumerate(per_binary):
        size = max(1, math.ceil(len(ms) / suites))
        chunks = [ms[i:i + size] for i in range(0, len(ms), size)]
        source = ["#include <gtest/gtest.h>", "#include <chrono>", "#include <cstdio>", "#include <string>",
                  "#include <thread>", "",
                  "static void pause_ms(int ms) {",
                  "  const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);",
                  "  while (std::chrono::steady_clock::now() < end) std::this_thread::sleep_for(std::chrono::milliseconds(1));",
                  "}", ""]
        for s, chunk in enumerate(chunks):
            source += ["static const int kMs%d[] = {%s};" % (s, ", ".join(map(str, chunk))),
                       "class Area%dTest : public ::testing::TestWithParam<int> {};" % s,
                       "TEST_P(Area%dTest, Case) { pause_ms(kMs%d[GetParam()]); }" % (s, s),
                       "INSTANTIATE_TEST_SUITE_P(Gen, Area%dTest, ::testing::Range(0, %d));" % (s, len(chunk)), ""]
        if chatty_mb and b == 0:
            source += ["TEST(Chatty, PrintsMegabytes) {",
                       "  const std::string line(1023, 'x');",
                       "  for (int i = 0; i < %d * 1024; ++i) std::printf(\"%%s\\n\", line.c_str());" % chatty_mb,
                       "}"]
        with open(os.path.join(directory, "bin%d.cc" % b), "w") as f:
            f.write("\n".join(source) + "\n")
        lists += ["add_executable(bin%d bin%d.cc)" % (b, b),
                  "target_link_libraries(bin%d PRIVATE GTest::gtest_main)" % b,
                  'if(REGISTER MATCHES "^ptest")', "  ptest_discover_tests(bin%d MARKERS unit CTEST_MODE ${MODE})" % b,
                  "else()", "  gtest_discover_tests(bin%d DISCOVERY_TIMEOUT 60)" % b, "endif()"]
    with open(os.path.join(directory, "CMakeLists.txt"), "w") as f:
        f.write("\n".join(lists) + "\n")
    return {"total_s": sum(all_ms) / 1000.0, "longest_s": max(all_ms) / 1000.0}


# ---------------------------------------------------------------- running

def run(args, cwd=None, check=True):
    done = subprocess.run(args, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if check and done.returncode != 0:
        sys.exit("bench: %s failed (%d):\n%s" % (" ".join(args), done.returncode, done.stdout.decode()[-3000:]))
    return done


def timed(args, cwd=None, before=None):
    """Wall time of one run, in seconds."""
    if before:
        before()
    start = time.perf_counter()
    run(args, cwd=cwd)
    return time.perf_counter() - start


def median_time(args, repeat, cwd=None, before=None):
    return statistics.median(timed(args, cwd, before) for _ in range(repeat))


def build(source, build_dir, register, prefix):
    run(["cmake", "-S", source, "-B", build_dir, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release",
         "-DREGISTER=" + register, "-DCMAKE_PREFIX_PATH=" + prefix])
    run(["cmake", "--build", build_dir])


def remove(path):
    if os.path.exists(path):
        os.remove(path)


def ptest_report(build_dir, args):
    report = os.path.join(build_dir, "bench-report.json")
    run([os.path.join(build_dir, "ptest", "ptest"), "-q", "--report-json", report] + args, cwd=build_dir)
    with open(report) as f:
        return json.load(f)


# ---------------------------------------------------------------- the suites

ROWS = []


def row(name, value, target, meets, unit="×"):
    ROWS.append((name, value, unit, target, meets))
    print("  %-58s %9.2f%s  target %-8s %s" % (name, value, unit, target, "met" if meets else "MISSED"), flush=True)


def trivial(work, prefix, repeat):
    print("\n2,000 trivial cases, one binary, 2 workers", flush=True)
    source = os.path.join(work, "trivial")
    write_project(source, 2000, 1, 20, "trivial")
    gtest_build, ptest_build = source + "/gtest-build", source + "/ptest-build"
    build(source, gtest_build, "gtest", prefix)
    build(source, ptest_build, "ptest", prefix)
    runner = [os.path.join(ptest_build, "ptest", "ptest"), "-n", "2", "-q"]
    history = os.path.join(ptest_build, "ptest", "history.json")
    alone = median_time([os.path.join(ptest_build, "bin0")], repeat * 2)
    first = median_time(runner, repeat, ptest_build, before=lambda: remove(history))
    again = median_time(runner, repeat, ptest_build)
    ctest = median_time(["ctest", "-j2", "-Q"], 2, gtest_build)
    runner_build = source + "/runner-build"
    build(source, runner_build, "ptest-runner", prefix)
    ctest_cases = median_time(["ctest", "-j2", "-Q"], 2, ptest_build)
    ctest_runner = median_time(["ctest", "-j2", "-Q"], repeat, runner_build)
    print("  binary alone %.4fs, ptest first run %.4fs, with history %.4fs, ctest -j2 %.2fs" % (alone, first, again, ctest))
    print("  ctest -j2 over ptest's registration: CASES mode %.2fs, RUNNER mode %.3fs" % (ctest_cases, ctest_runner))
    row("ctest -j2 / ptest -n 2 (first run)", ctest / first, ">= 100", ctest / first >= 100)
    row("ctest -j2 / ptest -n 2 (with history)", ctest / again, ">= 100", ctest / again >= 100)
    row("ptest -n 2 (first run) / binary alone", first / alone, "<= 1.5", first / alone <= 1.5)
    row("ptest -n 2 (with history) / binary alone", again / alone, "<= 1.5", again / alone <= 1.5)
    row("ctest -j2 in RUNNER mode / ptest -n 2 (with history)", ctest_runner / again, "report", True)
    row("ctest -j2 in CASES mode / ctest -j2 in RUNNER mode", ctest_cases / ctest_runner, "report", True)


def wide(work, prefix, repeat):
    print("\n20,000 trivial cases, 10 binaries, 2 workers", flush=True)
    source = os.path.join(work, "wide")
    write_project(source, 20000, 10, 20, "trivial")
    ptest_build = source + "/ptest-build"
    build(source, ptest_build, "ptest", prefix)
    binaries = [os.path.join(ptest_build, "bin%d" % b) for b in range(10)]

    def sequential():
        start = time.perf_counter()
        for binary in binaries:
            run([binary])
        return time.perf_counter() - start
    alone = statistics.median(sequential() for _ in range(repeat))
    runner = [os.path.join(ptest_build, "ptest", "ptest"), "-n", "2", "-q"]
    history = os.path.join(ptest_build, "ptest", "history.json")
    first = median_time(runner, repeat, ptest_build, before=lambda: remove(history))
    again = median_time(runner, repeat, ptest_build)
    collect = median_time(runner[:1] + ["--collect-only"], repeat, ptest_build)
    cpu = ptest_report(ptest_build, ["-n", "2"])["runner"]["cpu_seconds"]
    print("  binaries one after another %.3fs, ptest first run %.3fs, with history %.3fs;"
          " reading and selecting the manifest %.3fs; runner CPU %.3fs" % (alone, first, again, collect, cpu))
    row("ptest -n 2 (first run) / binaries one after another", first / alone, "<= 1.0", first / alone <= 1.0)
    row("ptest -n 2 (with history) / binaries one after another", again / alone, "<= 1.0", again / alone <= 1.0)
    row("--collect-only (read and select) / binaries one after another", collect / alone, "<= 0.15",
        collect / alone <= 0.15)
    row("runner's own CPU time / ptest wall time", cpu / again, "report", True)


def skewed(work, prefix, repeat):
    print("\nskewed: 400 sleeping cases (lognormal, longest last), 4 binaries, 8 workers", flush=True)
    source = os.path.join(work, "skewed")
    meta = write_project(source, 400, 4, 16, "skewed", seed=7)
    bound = max(meta["total_s"] / 8, meta["longest_s"])
    gtest_build, ptest_build = source + "/gtest-build", source + "/ptest-build"
    build(source, gtest_build, "gtest", prefix)
    build(source, ptest_build, "ptest", prefix)
    runner = [os.path.join(ptest_build, "ptest", "ptest"), "-n", "8", "-q"]
    history = os.path.join(ptest_build, "ptest", "history.json")
    first = median_time(runner, repeat, ptest_build, before=lambda: remove(history))
    again = median_time(runner, repeat, ptest_build)
    # The cases overrun their nominal durations a little (sleep granularity);
    # the bound from what they measured shows the scheduler's own share.
    cases = ptest_report(ptest_build, ["-n", "8"])["cases"]
    measured_bound = max(sum(c["duration"] for c in cases) / 8, max(c["duration"] for c in cases))
    cost_data = os.path.join(gtest_build, "Testing", "Temporary", "CTestCostData.txt")
    ctest_first = timed(["ctest", "-j8", "-Q"], gtest_build, before=lambda: remove(cost_data))
    ctest_again = timed(["ctest", "-j8", "-Q"], gtest_build)
    print("  total %.2fs, longest %.2fs, lower bound max(total/8, longest) %.3fs; from measured durations %.3fs"
          % (meta["total_s"], meta["longest_s"], bound, measured_bound))
    print("  ptest first run %.3fs, with history %.3fs; ctest -j8 first run %.3fs, with cost data %.3fs"
          % (first, again, ctest_first, ctest_again))
    row("ptest -n 8 first run / lower bound", first / bound, "<= 1.10", first / bound <= 1.10)
    row("ptest -n 8 with history / lower bound", again / bound, "<= 1.03", again / bound <= 1.03)
    row("ptest -n 8 with history / bound from measured durations", again / measured_bound, "report", True)
    row("ptest -n 8 first run / ctest -j8 first run", first / ctest_first, "<= 1", first <= ctest_first)
    row("ctest -j8 first run / lower bound", ctest_first / bound, "baseline", True)
    row("ctest -j8 with cost data / lower bound", ctest_again / bound, "baseline", True)


def cold_start(work, prefix, repeat):
    print("\ncold start: 300 cases in one binary, one of 6 s placed first, in the middle or last,"
          " four of 0.3-1 s, the rest 1 ms; 2 workers, no history", flush=True)
    count = 300
    for name, long_at in (("first", 0), ("middle", count // 2), ("last", count - 1)):
        durations = cold_start_ms(count, long_at)
        source = os.path.join(work, "cold-" + name)
        write_project(source, count, 1, 12, "cold", durations=durations)
        bound = max(max(durations), sum(durations) / 2) / 1000.0
        gtest_build, ptest_build = source + "/gtest-build", source + "/ptest-build"
        build(source, gtest_build, "gtest", prefix)
        build(source, ptest_build, "ptest", prefix)
        runner = [os.path.join(ptest_build, "ptest", "ptest"), "-n", "2", "-q"]
        history = os.path.join(ptest_build, "ptest", "history.json")
        first = median_time(runner, repeat, ptest_build, before=lambda: remove(history))
        cost_data = os.path.join(gtest_build, "Testing", "Temporary", "CTestCostData.txt")
        ctest_first = median_time(["ctest", "-j2", "-Q"], max(1, repeat // 2), gtest_build,
                                  before=lambda: remove(cost_data))
        print("  long case %s: lower bound %.2fs, ptest -n 2 first run %.2fs, ctest -j2 first run %.2fs"
              % (name, bound, first, ctest_first))
        row("ptest -n 2 first run / lower bound, long case %s" % name, first / bound, "<= 1.2", first / bound <= 1.2)
        row("ptest -n 2 first run / ctest -j2 first run, long case %s" % name, first / ctest_first, "<= 1",
            first <= ctest_first)


def step_commands(build_dir, target):
    """The commands ninja runs after linking `target`: its POST_BUILD
    discovery step, as one shell line."""
    line = run(["ninja", "-C", build_dir, "-t", "commands", target]).stdout.decode().strip().splitlines()[-1]
    steps = [step.strip() for step in line.split("&&")]
    link = next(i for i, step in enumerate(steps) if " -o " + target + " " in step + " ")
    return " && ".join(step for step in steps[link + 1:] if step and step != ":")


def wide_workers(work, prefix, repeat):
    print("\n64 workers: 1,600 sleeping cases (lognormal, longest last), 8 binaries", flush=True)
    source = os.path.join(work, "wide64")
    meta = write_project(source, 1600, 8, 16, "skewed", seed=11)
    bound = max(meta["total_s"] / 64, meta["longest_s"])
    ptest_build = source + "/ptest-build"
    build(source, ptest_build, "ptest", prefix)
    runner = [os.path.join(ptest_build, "ptest", "ptest"), "-n", "64", "-q"]
    history = os.path.join(ptest_build, "ptest", "history.json")
    first = median_time(runner, repeat, ptest_build, before=lambda: remove(history))
    again = median_time(runner, repeat, ptest_build)
    report = ptest_report(ptest_build, ["-n", "64"])
    cpu, wall = report["runner"]["cpu_seconds"], report["summary"]["duration"]
    print("  total %.2fs, longest %.2fs, lower bound %.3fs; ptest -n 64 first run %.3fs, with history %.3fs;"
          " runner CPU %.3fs of %.3fs wall" % (meta["total_s"], meta["longest_s"], bound, first, again, cpu, wall))
    row("ptest -n 64 first run / lower bound", first / bound, "<= 1.10", first / bound <= 1.10)
    row("ptest -n 64 with history / lower bound", again / bound, "<= 1.10", again / bound <= 1.10)
    row("runner's own CPU time / wall, -n 64", cpu / wall, "report", True)


def discovery(work, prefix, repeat):
    print("\nbuild-time discovery: one binary of 20,000 cases; a tree of ten binaries", flush=True)
    source = os.path.join(work, "discovery")
    write_project(source, 20000, 1, 40, "trivial")
    gtest_build, ptest_build = source + "/gtest-build", source + "/ptest-build"
    build(source, gtest_build, "gtest", prefix)
    build(source, ptest_build, "ptest", prefix)
    ptest_step = median_time(["sh", "-c", step_commands(ptest_build, "bin0")], repeat, ptest_build)
    gtest_step = median_time(["sh", "-c", step_commands(gtest_build, "bin0")], repeat, gtest_build)
    ptest_list = median_time(["ctest", "-N"], repeat, ptest_build)
    gtest_list = median_time(["ctest", "-N"], repeat, gtest_build)
    print("  discovery step: ptest %.3fs, gtest_discover_tests %.3fs; ctest -N: ptest's tree %.3fs, gtest's %.3fs"
          % (ptest_step, gtest_step, ptest_list, gtest_list))
    row("ptest discovery step / gtest_discover_tests POST_BUILD", ptest_step / gtest_step, "<= 0.1",
        ptest_step / gtest_step <= 0.1)
    row("ctest -N, ptest's tree / gtest_discover_tests' tree", ptest_list / gtest_list, "<= 1", ptest_list <= gtest_list)
    # A rebuild of one binary in ten: which discovery steps run.
    tree = os.path.join(work, "wide")
    if not os.path.isdir(tree + "/ptest-build"):
        write_project(tree, 20000, 10, 20, "trivial")
        build(tree, tree + "/ptest-build", "ptest", prefix)
    os.utime(os.path.join(tree, "bin3.cc"))
    log = run(["ninja", "-C", tree + "/ptest-build", "-v"]).stdout.decode()
    rediscovered = sorted(set(part.split("/specs/")[1].split(".json")[0]
                              for part in log.split() if "/specs/" in part and part.endswith(".json")))
    print("  after touching bin3.cc in a tree of ten, discovery ran for: %s" % ", ".join(rediscovered))
    row("binaries re-discovered after one of ten was rebuilt", len(rediscovered), "1", rediscovered == ["bin3"], "")


def reports(work, prefix, repeat):
    """What seeing the run costs: the same 20,000 trivial cases with and without every
    report of issue 11 (--report-log, --trace, --html, --junitxml, --durations)."""
    print("\nreports: 20,000 trivial cases, 10 binaries, 2 workers, with and without every report", flush=True)
    source = os.path.join(work, "wide")
    write_project(source, 20000, 10, 20, "trivial")
    ptest_build = source + "/ptest-build"
    build(source, ptest_build, "ptest", prefix)
    runner = [os.path.join(ptest_build, "ptest", "ptest"), "-n", "2", "-q"]
    files = {"report-log": "log.jsonl", "trace": "trace.json", "html": "report.html", "junitxml": "junit.xml"}
    every = [a for flag, name in files.items() for a in ("--" + flag, os.path.join(ptest_build, name))]
    every += ["--durations", "10"]
    run(runner, cwd=ptest_build)  # a history for both
    plain = median_time(runner, repeat, ptest_build)
    seen = median_time(runner + every, repeat, ptest_build)
    cpu_plain = ptest_report(ptest_build, ["-n", "2"])["runner"]["cpu_seconds"]
    cpu_seen = ptest_report(ptest_build, ["-n", "2"] + every)["runner"]["cpu_seconds"]
    sizes = ", ".join("%s %.1f MB" % (name, os.path.getsize(os.path.join(ptest_build, name)) / 1e6)
                      for name in files.values())
    print("  wall %.3fs without, %.3fs with every report; runner CPU %.3fs / %.3fs; %s"
          % (plain, seen, cpu_plain, cpu_seen, sizes))
    row("ptest with every report / without (wall)", seen / plain, "report", True)
    row("runner CPU with every report / without", cpu_seen / cpu_plain, "report", True)


def memory(work, prefix, repeat):
    print("\nmemory: one case prints 50 MB", flush=True)
    source = os.path.join(work, "chatty")
    write_project(source, 1, 1, 1, "trivial", chatty_mb=50)
    ptest_build = source + "/ptest-build"
    build(source, ptest_build, "ptest", prefix)
    rss_kb = max(ptest_report(ptest_build, ["-k", "chatty"])["runner"]["peak_rss_kb"] for _ in range(repeat))
    row("runner peak RSS while a case prints 50 MB", rss_kb / 1024.0, "< 100 MB", rss_kb < 100 * 1024, " MB")


def shard_balance(ptest_build, runner, shards, history):
    """Runs the shards one after another (each would be a machine of its own),
    each from a fresh copy of `history` (None: no history); returns per shard
    (summed case durations, wall)."""
    results = []
    for shard in range(1, shards + 1):
        copy = os.path.join(ptest_build, "shard-history.json")
        remove(copy)
        if history:
            shutil.copy(history, copy)
        report = ptest_report(ptest_build, runner + ["--shard", "%d/%d" % (shard, shards), "--history", copy])
        results.append((sum(c["duration"] for c in report["cases"]), report["summary"]["duration"]))
    return results


def count_split_sums(cases, shards):
    """What gtest's GTEST_SHARD_INDEX, CTest's -I stride and nextest's count
    slices do: case i of the list goes to shard i mod N. Per shard, the summed
    durations these cases measured."""
    sums = [0.0] * shards
    for i, case in enumerate(cases):
        sums[i % shards] += case["duration"]
    return sums


def shards(work, prefix, repeat):
    print("\nshards: the skewed suite (400 sleeping cases, 4 binaries) on 4 shards at -n 2 each,"
          " run one after another as if on 4 machines", flush=True)
    source = os.path.join(work, "shards")
    write_project(source, 400, 4, 16, "skewed", seed=7)
    ptest_build = source + "/ptest-build"
    build(source, ptest_build, "ptest", prefix)
    history = os.path.join(ptest_build, "earlier-history.json")
    remove(history)
    earlier = ptest_report(ptest_build, ["-n", "8", "--history", history])["cases"]
    total = sum(c["duration"] for c in earlier)
    ideal = total / 8
    print("  one earlier run: %d cases, %.2fs of case time; ideal wall on 4 x 2 workers %.3fs" % (len(earlier), total, ideal))
    for name, source_history in (("with history", history), ("without history", None)):
        results = shard_balance(ptest_build, ["-n", "2"], 4, source_history)
        sums = [r[0] for r in results]
        walls = [r[1] for r in results]
        print("  %s: summed case durations %s; walls %s" % (name, " ".join("%.2f" % x for x in sums),
                                                           " ".join("%.2f" % x for x in walls)))
        target = 1.05 if source_history else 1.5
        row("shards %s: max/min summed case durations" % name, max(sums) / min(sums), "<= %.2f" % target,
            max(sums) / min(sums) <= target)
        if source_history:
            row("shards with history: slowest wall / ideal", max(walls) / ideal, "<= 1.10", max(walls) / ideal <= 1.10)
        else:
            row("shards without history: slowest wall / ideal", max(walls) / ideal, "report", True)
    counted = count_split_sums(earlier, 4)
    print("  count-based split (case i to shard i mod 4): summed case durations %s"
          % " ".join("%.2f" % x for x in counted))
    row("count-based split: max/min summed case durations", max(counted) / min(counted), "baseline", True)
    row("count-based split: slowest shard's case time / 2 / ideal", max(counted) / 2 / ideal, "baseline", True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", default=os.path.join(ROOT, "build", "bench"), help="work directory")
    parser.add_argument("--repeat", type=int, default=5, help="runs per timing (median)")
    parser.add_argument("--suites", default="trivial,wide,skewed,cold_start,wide_workers,discovery,memory,shards,reports",
                        help="comma-separated suites to run (default: all)")
    args = parser.parse_args()
    work = os.path.abspath(args.work)
    os.makedirs(work, exist_ok=True)
    prefix = os.path.join(work, "prefix")
    print("building ptest (Release) into %s" % prefix, flush=True)
    run(["cmake", "-S", ROOT, "-B", os.path.join(work, "ptest-build"), "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release",
         "-DPTEST_BUILD_TESTS=OFF", "-DPTEST_INSTALL=ON"])
    run(["cmake", "--build", os.path.join(work, "ptest-build")])
    run(["cmake", "--install", os.path.join(work, "ptest-build"), "--prefix", prefix])
    print("machine: %d CPUs, %s" % (os.cpu_count(), " ".join(os.uname()[2:3] + os.uname()[4:5])))
    suites = {"trivial": trivial, "wide": wide, "skewed": skewed, "cold_start": cold_start,
              "wide_workers": wide_workers, "discovery": discovery, "memory": memory,
              "shards": shards, "reports": reports}
    for name in args.suites.split(","):
        if name not in suites:
            sys.exit("bench: no suite '%s' (suites: %s)" % (name, ", ".join(suites)))
        suites[name](work, prefix, args.repeat)
    missed = [r for r in ROWS if not r[4]]
    print("\n%d of %d targets met" % (len(ROWS) - len(missed), len(ROWS)))
    for name, value, unit, target, _ in missed:
        print("  missed: %s = %.2f%s (target %s)" % (name, value, unit, target))


if __name__ == "__main__":
    main()
