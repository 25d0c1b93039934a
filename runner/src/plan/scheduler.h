// Decides which worker runs which cases, and in what batches. Pure logic: it
// never starts a process, so tests drive it with a fake executor.
//
// Cases marked serial are kept apart and handed out one batch at a time once
// the rest is done (next_serial_batch), to run while nothing else runs.
//
// Work is made of units, the cases that must stay on one worker: a GROUP's
// cases always; a whole suite under loadscope; a whole source file under
// loadfile; otherwise a single case. A worker takes whole units into its
// hand and runs them as batches, a batch being cases of one target run by one
// process.
//
// Batches are sized by time: a batch takes units while their estimated time
// stays within a budget (tens of milliseconds), so process start-up is
// amortised over short cases while long cases run alone and stay stealable.
// A case's estimate is its duration in the history, else the longest
// duration seen so far in this run in its suite, its target, or anywhere
// (the longest, not the mean, because suites often get slower towards their
// end). With nothing known, a batch is a probe: a few units spread through
// the binary's queue, a sample of all of it.
//
// Estimates of cases the history does not know are guesses, and a started
// batch cannot be split: one long case among them holds every case after it
// in its process while other workers idle. So once a binary's cases have
// been seen to take a millisecond or more on average, batches of unknown cases grow
// only with evidence, as TCP's slow start does: a batch takes at most as
// many of them as cases of its binary have finished in this run (1, 2, 4,
// ...), and never more than a share of what is left unknown
// (remaining / (2 x workers), guided self-scheduling), so there is work left
// to steal while a long case runs. Cases seen to take microseconds batch by
// the budget alone: there, each process start (milliseconds for a binary
// with thousands of cases) costs more than splitting could save.
//
// A process start is a cost in its own right: the run loop reports each
// binary's start-up time (observe_startup), and where nothing long can hide
// in a batch (the history knows the work, or the cases take microseconds)
// a batch then holds at least kStartupsPerBatch start-ups of work, and an
// idle worker steals only what saves more than the start-up it costs.
#pragma once

#include <cstddef>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/batch.h"
#include "model/dist_mode.h"
#include "model/model.h"

namespace ptest {

struct SchedulerOptions {
  DistMode mode = DistMode::worksteal;
  int workers = 1;
  // Per manifest case, from the history: its last duration (< 0: unknown),
  // and whether it failed last time. Empty: no history.
  std::vector<double> known_durations;
  std::vector<bool> failed_last;
  // The selection's order is the one to run (--random-order, --ff): the
  // history still sizes and balances batches, but does not reorder them.
  bool keep_order = false;
  // ptest replay: by worker, the cases of each of its processes, in order.
  // The batches are exactly these (no units, queues or stealing); empty:
  // the scheduler makes its own.
  std::vector<std::vector<std::vector<std::size_t>>> fixed_batches;
  double batch_budget = 0.05;  // seconds of estimated work per batch
  // --gtest_filter is one argument, and Linux caps one argument at 128 KiB.
  std::size_t max_batch_name_bytes = 100 * 1024;
};

class Scheduler {
 public:
  // `selected`: indices into `cases` to run, in manifest order.
  Scheduler(const std::vector<TestCase>& cases, const std::vector<std::size_t>& selected,
            SchedulerOptions options);

  // Never more workers than there are units of work, never fewer than one.
  int worker_count() const { return static_cast<int>(hands_.size()); }

  // The worker's next batch, or nothing when no work is left for it.
  std::optional<Batch> next_batch(int worker);

  // After the parallel work: the next batch of cases marked serial, for
  // worker 0, to run while no other batch runs. Nothing when none is left.
  std::optional<Batch> next_serial_batch();

  // A case finished after `seconds`: sharpens the estimates of its neighbours.
  void observe(std::size_t case_index, double seconds);

  // A process of `target` took `seconds` from its start to its first case:
  // what every further batch of that binary costs before any case runs.
  void observe_startup(std::size_t target, double seconds);
  // What a further process of the target costs before its first case: the
  // mean seen in this run, or all targets' mean while it has not started;
  // 0 while no process has been seen to start.
  double startup_cost(std::optional<std::size_t> target) const;

  // Cases of a batch whose process ended before they started: they go back
  // to the front of the same worker's hand, so groups and scopes stay whole.
  void requeue(int worker, const std::vector<std::size_t>& cases);

  // Cases not yet handed out in a batch.
  std::size_t remaining() const;

  // Every case the scheduler was given, in the order given.
  const std::vector<std::size_t>& all_cases() const { return all_cases_; }

 private:
  struct Unit {
    std::vector<std::size_t> cases;
    std::optional<std::size_t> target;  // empty: the unit spans targets
  };
  struct Queue {
    std::deque<Unit> units;
    std::size_t cases = 0;
    double known_seconds = 0;  // sum of the history's durations of its units
  };

  std::vector<Unit> make_units(const std::vector<std::size_t>& selected) const;
  std::size_t order_by_history(std::vector<Unit>& units) const;
  void distribute(std::vector<Unit> units, std::size_t first_short);
  void push(Queue& queue, Unit unit, bool front = false);
  Unit pop(Queue& queue, bool front);
  Unit remove(Queue& queue, std::size_t at);
  Queue& queue_of(int worker);
  double estimated_load(const Queue& queue) const;
  std::optional<int> steal_into(int worker);
  void fill_hand(int worker);
  std::optional<Batch> next_fixed_batch(int worker);
  std::optional<double> estimate(std::size_t case_index) const;
  std::optional<double> estimate(const Unit& unit) const;
  double known_seconds(const Unit& unit) const;
  std::size_t unknown_cases(const Unit& unit) const;
  std::size_t unknown_cap(std::size_t target) const;
  std::optional<double> microsecond_mean(std::size_t target) const;
  bool startup_weighs(std::optional<std::size_t> target) const;
  void fill_contiguously(std::vector<Unit>::iterator first, std::vector<Unit>::iterator last);
  void take_probe_sample(Queue& queue, std::size_t target, std::deque<std::size_t>& hand);

  // How many other binaries' units fill_hand() looks past for more of a batch's binary.
  static constexpr std::size_t kBatchSearchWindow = 512;
  // Units in a probe, the first batch of a binary that nothing is known of.
  static constexpr std::size_t kProbeUnits = 8;
  // Slow start applies once a binary's cases are seen to take this long on average (seconds).
  static constexpr double kSlowStartFrom = 0.001;
  // A batch holds at least this many times its binary's start-up cost of
  // work, so that starting processes stays a small part of the run.
  static constexpr double kStartupsPerBatch = 10;

  const std::vector<TestCase>& cases_;
  std::vector<std::size_t> all_cases_;
  SchedulerOptions options_;
  std::vector<Queue> queues_;                   // per worker (worksteal) or one shared
  std::vector<std::deque<std::size_t>> hands_;  // per worker: taken, not yet batched
  std::vector<std::optional<int>> stolen_from_;  // per worker: the victim of its last steal, until batched
  std::deque<Unit> serial_;                      // units with a serial case, run last, alone
  std::vector<std::deque<std::vector<std::size_t>>> fixed_;  // per worker, with fixed_batches
  bool repeats_cases_ = false;  // a case is selected more than once (--count)
  // The longest duration seen in this run, by suite (numbered once, so that
  // observe(), called for every case, does no string lookups), by target,
  // and overall; < 0: nothing seen yet.
  std::vector<std::size_t> suite_of_case_;  // by manifest case, for the selected ones
  std::vector<double> longest_in_suite_;
  std::vector<double> longest_in_target_;
  std::optional<double> longest_seen_;
  // Slow start for cases without a history: how many of each target's
  // cases have finished in this run, and how many unknown ones the queues
  // still hold.
  std::vector<std::size_t> finished_in_target_;
  std::vector<double> seconds_in_target_;  // their durations, summed
  std::size_t finished_ = 0;               // in all targets
  double seconds_finished_ = 0;
  std::size_t unknown_in_queues_ = 0;
  // Per target: the start-up times of its processes seen in this run, summed, and how many.
  std::vector<double> startup_seconds_;
  std::vector<std::size_t> startups_;
};

}  // namespace ptest
