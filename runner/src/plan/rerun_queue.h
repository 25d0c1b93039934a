// Failed attempts waiting to run again (--reruns): each alone in a batch of
// its own, so in a fresh process, once its --reruns-delay has passed. The
// run loop decides which attempts run again; this decides where and when.
//
// A case in a GROUP runs again only on the worker that ran it, so a group
// never runs on two workers at once; a case marked serial only while
// nothing else runs, as it did the first time.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "model/batch.h"
#include "model/model.h"

namespace ptest {

class RerunQueue {
 public:
  explicit RerunQueue(const std::vector<TestCase>& cases) : cases_(cases) {}

  // The case failed on `worker`; it may run again from `ready_at` on.
  void add(std::size_t case_index, int worker, double ready_at);

  // A rerun `worker` may start at `now`, for the parallel part of the run:
  // one that is ready, not serial, and not of another worker's group.
  std::optional<Batch> next_parallel(int worker, double now);

  // A ready rerun of a serial case, on worker 0, to run while nothing else runs.
  std::optional<Batch> next_serial(double now);

  // When the next rerun that is not ready yet will be; nothing if none waits.
  std::optional<double> next_ready_at(double now) const;

  bool empty() const { return waiting_.empty(); }

  // Every rerun not started (the run stops): the cases, in the order added.
  std::vector<std::size_t> take_all();

 private:
  struct Waiting {
    std::size_t case_index = 0;
    int worker = 0;
    double ready_at = 0;
  };

  bool serial(std::size_t case_index) const;
  Batch take(std::size_t position, int worker);

  const std::vector<TestCase>& cases_;
  std::vector<Waiting> waiting_;  // in the order added
};

}  // namespace ptest
