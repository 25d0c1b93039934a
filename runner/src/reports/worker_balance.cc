#include "reports/worker_balance.h"

#include <algorithm>
#include <cstdio>

#include "reports/banner.h"

namespace ptest {

WorkerBalance worker_balance(const Timeline& timeline) {
  WorkerBalance balance;
  balance.wall = timeline.wall();
  for (const CaseResult& result : timeline.results()) balance.case_seconds += result.stop - result.start;
  double total_busy = 0, busiest = 0;
  for (const std::vector<ProcessSlice>& slices : timeline.workers()) {
    WorkerLoad load;
    for (const ProcessSlice& slice : slices) {
      load.cases += slice.results.size();
      ++load.processes;
      load.busy += std::max(0.0, (slice.stop < 0 ? balance.wall : slice.stop) - slice.start);
    }
    load.idle = std::max(0.0, balance.wall - load.busy);
    total_busy += load.busy;
    busiest = std::max(busiest, load.busy);
    balance.workers.push_back(load);
  }
  if (balance.wall > 0) balance.speedup = balance.case_seconds / balance.wall;
  if (total_busy > 0) balance.balance = busiest / (total_busy / static_cast<double>(balance.workers.size()));
  return balance;
}

std::string worker_balance_text(const WorkerBalance& balance) {
  std::string text = banner("workers");
  char line[160];
  for (std::size_t worker = 0; worker < balance.workers.size(); ++worker) {
    const WorkerLoad& load = balance.workers[worker];
    std::snprintf(line, sizeof line, "%-5s %6zu case%s %5zu process%s  busy %8.2fs  idle %8.2fs\n",
                  worker_name(static_cast<int>(worker)).c_str(), load.cases, load.cases == 1 ? " " : "s",
                  load.processes, load.processes == 1 ? "  " : "es", load.busy, load.idle);
    text += line;
  }
  std::snprintf(line, sizeof line, "speedup %.2fx (%.2fs of cases in %.2fs), balance %.2f (busiest worker / mean)\n",
                balance.speedup, balance.case_seconds, balance.wall, balance.balance);
  return text + line;
}

}  // namespace ptest
