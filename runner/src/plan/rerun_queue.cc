#include "plan/rerun_queue.h"

#include <algorithm>
#include <string>

namespace ptest {

void RerunQueue::add(std::size_t case_index, int worker, double ready_at) {
  waiting_.push_back(Waiting{case_index, worker, ready_at});
}

bool RerunQueue::serial(std::size_t case_index) const {
  const std::vector<std::string>& markers = cases_[case_index].markers;
  return std::binary_search(markers.begin(), markers.end(), std::string(kSerialMarker));
}

Batch RerunQueue::take(std::size_t position, int worker) {
  const std::size_t case_index = waiting_[position].case_index;
  waiting_.erase(waiting_.begin() + static_cast<std::ptrdiff_t>(position));
  Batch batch;
  batch.worker = worker;
  batch.target = cases_[case_index].target;
  batch.cases = {case_index};
  return batch;
}

std::optional<Batch> RerunQueue::next_parallel(int worker, double now) {
  for (std::size_t position = 0; position < waiting_.size(); ++position) {
    const Waiting& rerun = waiting_[position];
    if (rerun.ready_at > now || serial(rerun.case_index)) continue;
    if (!cases_[rerun.case_index].group.empty() && rerun.worker != worker) continue;
    return take(position, worker);
  }
  return std::nullopt;
}

std::optional<Batch> RerunQueue::next_serial(double now) {
  for (std::size_t position = 0; position < waiting_.size(); ++position)
    if (waiting_[position].ready_at <= now && serial(waiting_[position].case_index)) return take(position, 0);
  return std::nullopt;
}

std::optional<double> RerunQueue::next_ready_at(double now) const {
  std::optional<double> next;
  for (const Waiting& rerun : waiting_)
    if (rerun.ready_at > now && (!next || rerun.ready_at < *next)) next = rerun.ready_at;
  return next;
}

std::vector<std::size_t> RerunQueue::take_all() {
  std::vector<std::size_t> cases;
  for (const Waiting& rerun : waiting_) cases.push_back(rerun.case_index);
  waiting_.clear();
  return cases;
}

}  // namespace ptest
