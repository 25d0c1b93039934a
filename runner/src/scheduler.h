// Decides which worker runs which cases, and in what batches. Pure logic: it
// never starts a process, so tests drive it with a fake executor.
//
// Work is made of units, the cases that must stay on one worker: a GROUP's
// cases always; a whole suite under loadscope; a whole source file under
// loadfile; otherwise a single case. A worker takes whole units into its
// hand and runs them as batches, each batch being cases of one target run by
// one process. Batches shrink as the queue empties (guided scheduling), so
// early batches amortise process start-up and late ones keep the tail short.
#pragma once

#include <cstddef>
#include <deque>
#include <optional>
#include <vector>

#include "dist_mode.h"
#include "model.h"

namespace ptest {

struct Batch {
  int worker = 0;
  std::size_t target = 0;          // index into Manifest::targets
  std::vector<std::size_t> cases;  // indices into Manifest::cases, in run order
};

struct SchedulerLimits {
  // --gtest_filter is one argument, and Linux caps one argument at 128 KiB.
  std::size_t max_batch_name_bytes = 100 * 1024;
};

class Scheduler {
 public:
  // `selected`: indices into `cases` to run, in the order to prefer.
  Scheduler(const std::vector<TestCase>& cases, const std::vector<std::size_t>& selected,
            DistMode mode, int requested_workers, SchedulerLimits limits = {});

  // Never more workers than there are units of work, never fewer than one.
  int worker_count() const { return static_cast<int>(hands_.size()); }

  // The worker's next batch, or nothing when no work is left for it.
  std::optional<Batch> next_batch(int worker);

  // Cases of a batch whose process ended before they started: they go back
  // to the front of the same worker's hand, so groups and scopes stay whole.
  void requeue(int worker, const std::vector<std::size_t>& cases);

  // Cases not yet handed out in a batch.
  std::size_t remaining() const;

 private:
  struct Unit {
    std::vector<std::size_t> cases;
    std::optional<std::size_t> target;  // empty: the unit spans targets
  };

  std::deque<Unit>& queue_of(int worker);
  void fill_hand(int worker);
  bool steal_into(int worker);
  std::size_t batch_share(std::size_t queued) const;

  const std::vector<TestCase>& cases_;
  DistMode mode_;
  SchedulerLimits limits_;
  std::vector<std::deque<Unit>> queues_;      // per worker (worksteal) or one shared
  std::vector<std::size_t> queued_cases_;     // cases in each queue
  std::vector<std::deque<std::size_t>> hands_;  // per worker: taken, not yet batched
};

}  // namespace ptest
