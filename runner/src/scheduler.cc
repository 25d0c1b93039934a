#include "scheduler.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <string>

namespace ptest {

namespace {

// Union-find over positions in the selection, to join cases that share a
// group or (per mode) a scope into one unit.
class DisjointSets {
 public:
  explicit DisjointSets(std::size_t size) : parent_(size) {
    std::iota(parent_.begin(), parent_.end(), 0);
  }
  std::size_t find(std::size_t i) {
    while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
    return i;
  }
  void join(std::size_t a, std::size_t b) {
    a = find(a);
    b = find(b);
    // The earlier position becomes the root, so units keep selection order.
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<std::size_t> parent_;
};

std::string scope_key(const TestCase& test_case, DistMode mode) {
  const std::string target = std::to_string(test_case.target) + '\n';
  if (mode == DistMode::loadscope) return target + test_case.suite;
  if (mode == DistMode::loadfile) return target + test_case.file;
  return {};
}

}  // namespace

Scheduler::Scheduler(const std::vector<TestCase>& cases, const std::vector<std::size_t>& selected,
                     DistMode mode, int requested_workers, SchedulerLimits limits)
    : cases_(cases), mode_(mode), limits_(limits) {
  DisjointSets sets(selected.size());
  std::map<std::string, std::size_t> first_with_key;
  for (std::size_t position = 0; position < selected.size(); ++position) {
    const TestCase& test_case = cases[selected[position]];
    const std::string scope = scope_key(test_case, mode);
    if (!scope.empty()) sets.join(position, first_with_key.emplace("s" + scope, position).first->second);
    if (!test_case.group.empty())
      sets.join(position, first_with_key.emplace("g" + test_case.group, position).first->second);
  }
  std::vector<Unit> units;
  std::map<std::size_t, std::size_t> unit_of_root;
  for (std::size_t position = 0; position < selected.size(); ++position) {
    const std::size_t root = sets.find(position);
    auto [it, added] = unit_of_root.emplace(root, units.size());
    if (added) units.push_back(Unit{{}, cases[selected[position]].target});
    Unit& unit = units[it->second];
    unit.cases.push_back(selected[position]);
    if (unit.target && *unit.target != cases[selected[position]].target) unit.target.reset();
  }

  int workers = mode == DistMode::no ? 1 : std::max(1, requested_workers);
  workers = std::max(1, std::min<int>(workers, static_cast<int>(units.size())));
  hands_.resize(static_cast<std::size_t>(workers));

  // worksteal: each worker starts with a contiguous share (contiguous keeps a
  // target's cases together, so batches stay large); the others share one queue.
  const std::size_t queue_count = mode == DistMode::worksteal ? hands_.size() : 1;
  queues_.resize(queue_count);
  queued_cases_.assign(queue_count, 0);
  const std::size_t total = selected.size();
  std::size_t queue = 0, assigned = 0;
  for (Unit& unit : units) {
    assigned += unit.cases.size();
    queued_cases_[queue] += unit.cases.size();
    queues_[queue].push_back(std::move(unit));
    if (queue + 1 < queue_count && assigned * queue_count >= total * (queue + 1)) ++queue;
  }
}

std::deque<Scheduler::Unit>& Scheduler::queue_of(int worker) {
  return queues_[queues_.size() == 1 ? 0 : static_cast<std::size_t>(worker)];
}

// Guided scheduling: a share of what is queued, so a batch is large while
// much is left and a single case at the end.
std::size_t Scheduler::batch_share(std::size_t queued) const {
  if (mode_ == DistMode::no) return queued;
  // worksteal: the queue is this worker's own; the others share one queue.
  const std::size_t takers = queues_.size() == 1 ? 2 * hands_.size() : 2;
  return std::max<std::size_t>(1, (queued + takers - 1) / takers);
}

// Takes half of the units (from the back) of the queue with the most cases.
bool Scheduler::steal_into(int worker) {
  std::size_t victim = queues_.size();
  for (std::size_t q = 0; q < queues_.size(); ++q)
    if (static_cast<int>(q) != worker && !queues_[q].empty() &&
        (victim == queues_.size() || queued_cases_[q] > queued_cases_[victim]))
      victim = q;
  if (victim == queues_.size()) return false;
  std::deque<Unit>& from = queues_[victim];
  std::deque<Unit>& into = queues_[static_cast<std::size_t>(worker)];
  const std::size_t count = (from.size() + 1) / 2;
  for (std::size_t i = 0; i < count; ++i) {
    Unit unit = std::move(from.back());
    from.pop_back();
    queued_cases_[victim] -= unit.cases.size();
    queued_cases_[static_cast<std::size_t>(worker)] += unit.cases.size();
    into.push_front(std::move(unit));
  }
  return true;
}

// Moves whole units from the worker's queue into its hand: at least one, then
// more of the same target while the hand is under the worker's share.
void Scheduler::fill_hand(int worker) {
  std::deque<Unit>* queue = &queue_of(worker);
  if (queue->empty() && queues_.size() > 1 && !steal_into(worker)) return;
  if (queue->empty()) return;
  const std::size_t q = queues_.size() == 1 ? 0 : static_cast<std::size_t>(worker);
  const std::size_t share = batch_share(queued_cases_[q]);
  std::deque<std::size_t>& hand = hands_[static_cast<std::size_t>(worker)];
  const std::optional<std::size_t> target = queue->front().target;
  std::size_t taken = 0;
  while (!queue->empty() && (taken == 0 || (taken < share && target && queue->front().target == target))) {
    Unit& unit = queue->front();
    taken += unit.cases.size();
    queued_cases_[q] -= unit.cases.size();
    hand.insert(hand.end(), unit.cases.begin(), unit.cases.end());
    queue->pop_front();
  }
}

std::optional<Batch> Scheduler::next_batch(int worker) {
  std::deque<std::size_t>& hand = hands_.at(static_cast<std::size_t>(worker));
  if (hand.empty()) fill_hand(worker);
  if (hand.empty()) return std::nullopt;
  Batch batch;
  batch.worker = worker;
  batch.target = cases_[hand.front()].target;
  std::size_t name_bytes = 0;
  while (!hand.empty() && cases_[hand.front()].target == batch.target) {
    const std::size_t bytes = cases_[hand.front()].name.size() + 1;
    if (!batch.cases.empty() && name_bytes + bytes > limits_.max_batch_name_bytes) break;
    name_bytes += bytes;
    batch.cases.push_back(hand.front());
    hand.pop_front();
  }
  return batch;
}

void Scheduler::requeue(int worker, const std::vector<std::size_t>& cases) {
  std::deque<std::size_t>& hand = hands_.at(static_cast<std::size_t>(worker));
  hand.insert(hand.begin(), cases.begin(), cases.end());
}

std::size_t Scheduler::remaining() const {
  std::size_t count = std::accumulate(queued_cases_.begin(), queued_cases_.end(), std::size_t{0});
  for (const auto& hand : hands_) count += hand.size();
  return count;
}

}  // namespace ptest
