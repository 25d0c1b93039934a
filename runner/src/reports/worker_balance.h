// How evenly the run shared its work: per worker, the cases it ran and the
// time its processes ran (busy) or it had none (idle); for the run, the
// speedup (sum of case durations / wall time) and the balance (busiest
// worker's busy time / the mean). "If gw0 ran 50 tests and gw3 ran 10, your
// load balancing is broken": this is where a user sees it.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "reports/timeline.h"

namespace ptest {

struct WorkerLoad {
  std::size_t cases = 0;  // run in one of its processes
  std::size_t processes = 0;
  double busy = 0;  // seconds a process of it ran
  double idle = 0;  // the rest of the run's wall time
};

struct WorkerBalance {
  std::vector<WorkerLoad> workers;
  double case_seconds = 0;  // sum of every case's duration
  double wall = 0;
  double speedup = 0;  // case_seconds / wall; 0 when the run took no time
  double balance = 0;  // busiest busy / mean busy; 1 is perfect, 0 when nothing ran
};

WorkerBalance worker_balance(const Timeline& timeline);

// The end-of-run section: a line per worker, then the speedup and balance.
std::string worker_balance_text(const WorkerBalance& balance);

}  // namespace ptest
