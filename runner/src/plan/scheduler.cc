#include "plan/scheduler.h"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <string>
#include <unordered_set>
#include <utility>

#include "plan/work_units.h"

namespace ptest {

namespace {

void raise_to(double& longest, double seconds) { longest = std::max(longest, seconds); }

}  // namespace

Scheduler::Scheduler(const std::vector<TestCase>& cases, const std::vector<std::size_t>& selected,
                     SchedulerOptions options)
    : cases_(cases), all_cases_(selected), options_(std::move(options)) {
  std::map<std::pair<std::size_t, std::string>, std::size_t> suite_numbers;
  suite_of_case_.assign(cases.size(), 0);
  std::size_t targets = 0;
  for (std::size_t index : selected) {
    const TestCase& test_case = cases[index];
    suite_of_case_[index] = suite_numbers.emplace(std::make_pair(test_case.target, test_case.suite),
                                                  suite_numbers.size()).first->second;
    targets = std::max(targets, test_case.target + 1);
  }
  longest_in_suite_.assign(suite_numbers.size(), -1);
  longest_in_target_.assign(targets, -1);
  finished_in_target_.assign(targets, 0);
  seconds_in_target_.assign(targets, 0);
  startup_seconds_.assign(targets, 0);
  startups_.assign(targets, 0);
  std::vector<bool> seen(cases.size(), false);
  for (std::size_t index : selected) {
    if (seen[index]) repeats_cases_ = true;
    seen[index] = true;
  }
  if (!options_.fixed_batches.empty()) {
    for (const auto& batches : options_.fixed_batches) fixed_.emplace_back(batches.begin(), batches.end());
    hands_.resize(fixed_.size());
    stolen_from_.resize(fixed_.size());
    return;
  }
  std::vector<Unit> units = make_units(selected);
  auto serial = [&](const Unit& unit) {
    return std::any_of(unit.cases.begin(), unit.cases.end(), [&](std::size_t i) { return is_serial(cases_[i]); });
  };
  const auto first_serial = std::stable_partition(units.begin(), units.end(), [&](const Unit& u) { return !serial(u); });
  serial_.assign(std::make_move_iterator(first_serial), std::make_move_iterator(units.end()));
  units.erase(first_serial, units.end());
  int workers = options_.mode == DistMode::no ? 1 : std::max(1, options_.workers);
  workers = std::max(1, std::min<int>(workers, static_cast<int>(units.size())));
  hands_.resize(static_cast<std::size_t>(workers));
  stolen_from_.resize(static_cast<std::size_t>(workers));
  const std::size_t first_short = order_by_history(units);
  distribute(std::move(units), first_short);
}

std::vector<Scheduler::Unit> Scheduler::make_units(const std::vector<std::size_t>& selected) const {
  std::vector<Unit> units;
  for (std::vector<std::size_t>& members : make_work_units(cases_, selected, options_.mode)) {
    const std::size_t target = cases_[members.front()].target;
    Unit unit{std::move(members), target};
    for (std::size_t i : unit.cases)
      if (unit.target && *unit.target != cases_[i].target) unit.target.reset();
    units.push_back(std::move(unit));
  }
  return units;
}

// With a history: first what it does not know and what failed last time (the
// news a developer waits for), then the long units longest first (LPT, so
// the last unit to start is a short one), then the short ones in manifest
// order, which keeps a binary's short cases together for batching. Returns
// where the short ones begin.
std::size_t Scheduler::order_by_history(std::vector<Unit>& units) const {
  if (options_.known_durations.empty() || options_.mode == DistMode::no || options_.keep_order) return units.size();
  auto urgent = [&](const Unit& unit) {
    return std::any_of(unit.cases.begin(), unit.cases.end(), [&](std::size_t i) {
      return options_.known_durations[i] < 0 || (!options_.failed_last.empty() && options_.failed_last[i]);
    });
  };
  auto long_unit = [&](const Unit& unit) { return known_seconds(unit) >= options_.batch_budget; };
  auto first_short = std::stable_partition(units.begin(), units.end(), urgent);
  auto last_long = std::stable_partition(first_short, units.end(), long_unit);
  std::stable_sort(first_short, last_long,
                   [&](const Unit& a, const Unit& b) { return known_seconds(a) > known_seconds(b); });
  return static_cast<std::size_t>(last_long - units.begin());
}

// worksteal: one queue per worker; the other modes: one shared queue. With a
// history the urgent and long units each go to the queue with the least
// known work (greedy LPT), and the short ones, from `first_short` on, fill
// the queues up to an even level in order; without, each queue gets a
// contiguous share. Either way a binary's short cases stay together, so
// that a binary starts as few processes as the balance allows.
void Scheduler::distribute(std::vector<Unit> units, std::size_t first_short) {
  const std::size_t queue_count = options_.mode == DistMode::worksteal ? hands_.size() : 1;
  queues_.resize(queue_count);
  if (!options_.known_durations.empty()) {
    for (std::size_t u = 0; u < first_short; ++u) {
      Queue* least = &queues_[0];
      for (Queue& queue : queues_)
        if (std::make_pair(queue.known_seconds, queue.cases) < std::make_pair(least->known_seconds, least->cases))
          least = &queue;
      push(*least, std::move(units[u]));
    }
    fill_contiguously(units.begin() + static_cast<std::ptrdiff_t>(first_short), units.end());
    return;
  }
  const std::size_t total = std::accumulate(units.begin(), units.end(), std::size_t{0},
                                            [](std::size_t n, const Unit& unit) { return n + unit.cases.size(); });
  std::size_t queue = 0, assigned = 0;
  for (Unit& unit : units) {
    assigned += unit.cases.size();
    push(queues_[queue], std::move(unit));
    if (queue + 1 < queue_count && assigned * queue_count >= total * (queue + 1)) ++queue;
  }
}

// Fills the queues, least loaded first, with the units in order, each up to
// an even level of work, the last one taking what is left. A case weighs
// at least kCaseFloor, so cases the history records as taking no time are
// still shared by count.
void Scheduler::fill_contiguously(std::vector<Unit>::iterator first, std::vector<Unit>::iterator last) {
  constexpr double kCaseFloor = 1e-5;  // seconds: a case's lines to write, read and parse
  auto weight = [&](double seconds, std::size_t cases) { return seconds + kCaseFloor * static_cast<double>(cases); };
  double total = 0;
  for (const Queue& queue : queues_) total += weight(queue.known_seconds, queue.cases);
  for (auto it = first; it != last; ++it) total += weight(known_seconds(*it), it->cases.size());
  const double level = total / static_cast<double>(queues_.size());
  std::vector<Queue*> order;
  for (Queue& queue : queues_) order.push_back(&queue);
  std::stable_sort(order.begin(), order.end(), [&](const Queue* a, const Queue* b) {
    return weight(a->known_seconds, a->cases) < weight(b->known_seconds, b->cases);
  });
  for (std::size_t k = 0; k < order.size(); ++k) {
    Queue& queue = *order[k];
    const bool last_queue = k + 1 == order.size();
    // A unit goes in while it brings the queue nearer the level than leaving it out would.
    while (first != last && (last_queue || weight(queue.known_seconds, queue.cases) +
                                                   weight(known_seconds(*first), first->cases.size()) / 2 <=
                                               level))
      push(queue, std::move(*first++));
  }
}

void Scheduler::push(Queue& queue, Unit unit, bool front) {
  queue.cases += unit.cases.size();
  queue.known_seconds += known_seconds(unit);
  unknown_in_queues_ += unknown_cases(unit);
  if (front) queue.units.push_front(std::move(unit));
  else queue.units.push_back(std::move(unit));
}

Scheduler::Unit Scheduler::pop(Queue& queue, bool front) {
  return remove(queue, front ? 0 : queue.units.size() - 1);
}

Scheduler::Unit Scheduler::remove(Queue& queue, std::size_t at) {
  const auto position = queue.units.begin() + static_cast<std::ptrdiff_t>(at);
  Unit unit = std::move(*position);
  queue.units.erase(position);
  queue.cases -= unit.cases.size();
  queue.known_seconds -= known_seconds(unit);
  unknown_in_queues_ -= unknown_cases(unit);
  return unit;
}

Scheduler::Queue& Scheduler::queue_of(int worker) {
  return queues_[queues_.size() == 1 ? 0 : static_cast<std::size_t>(worker)];
}

double Scheduler::known_seconds(const Unit& unit) const {
  if (options_.known_durations.empty()) return 0;
  double seconds = 0;
  for (std::size_t i : unit.cases) seconds += std::max(0.0, options_.known_durations[i]);
  return seconds;
}

std::size_t Scheduler::unknown_cases(const Unit& unit) const {
  if (options_.known_durations.empty()) return unit.cases.size();
  return static_cast<std::size_t>(std::count_if(unit.cases.begin(), unit.cases.end(),
                                                [&](std::size_t i) { return options_.known_durations[i] < 0; }));
}

// How many cases without a history one batch of `target` may take: as many
// as have finished in this run (slow start), at most a share of the
// unknown cases left, at least one; no limit while its cases have been
// seen to take microseconds.
std::size_t Scheduler::unknown_cap(std::size_t target) const {
  // Cases seen to take microseconds: a process start costs more than all
  // they could hold up, so they batch by the budget alone.
  if (microsecond_mean(target) || finished_ == 0) return SIZE_MAX;
  const std::size_t share = (unknown_in_queues_ + 2 * hands_.size() - 1) / (2 * hands_.size());
  return std::max<std::size_t>(1, std::min(finished_in_target_[target], share));
}

// The mean duration of the target's cases finished in this run, or of all
// targets' while it has none, if that is under kSlowStartFrom: cases that
// take microseconds. (The mean, not the longest: the runner's clock gives
// a trivial case up to a millisecond when its lines arrive in two reads.)
std::optional<double> Scheduler::microsecond_mean(std::size_t target) const {
  const std::size_t evidence = finished_in_target_[target];
  if (evidence == 0 && finished_ == 0) return std::nullopt;
  const double mean = evidence > 0 ? seconds_in_target_[target] / static_cast<double>(evidence)
                                   : seconds_finished_ / static_cast<double>(finished_);
  if (mean >= kSlowStartFrom) return std::nullopt;
  return mean;
}

// Whether a process start may outweigh splitting the target's work: where
// the history knows the work, or the binary's cases take microseconds,
// nothing long can hide in a larger batch. Elsewhere (a first run of cases
// of milliseconds or more) evidence comes first, and a start-up measured
// while many processes start at once on few cores would overstate it.
bool Scheduler::startup_weighs(std::optional<std::size_t> target) const {
  return !options_.known_durations.empty() || (target && microsecond_mean(*target));
}

double Scheduler::startup_cost(std::optional<std::size_t> target) const {
  if (target && *target < startups_.size() && startups_[*target] > 0)
    return startup_seconds_[*target] / static_cast<double>(startups_[*target]);
  const double seconds = std::accumulate(startup_seconds_.begin(), startup_seconds_.end(), 0.0);
  const std::size_t count = std::accumulate(startups_.begin(), startups_.end(), std::size_t{0});
  return count > 0 ? seconds / static_cast<double>(count) : 0;
}
std::optional<double> Scheduler::estimate(std::size_t case_index) const {
  if (!options_.known_durations.empty() && options_.known_durations[case_index] >= 0)
    return options_.known_durations[case_index];
  const double suite_longest = longest_in_suite_[suite_of_case_[case_index]];
  // A suite that has shown nothing longer than GoogleTest's resolution, in
  // a binary of microsecond cases: its longest is the clock's doing.
  if (suite_longest <= kSlowStartFrom)
    if (const auto mean = microsecond_mean(cases_[case_index].target)) return mean;
  if (suite_longest >= 0) return suite_longest;
  if (const double seconds = longest_in_target_[cases_[case_index].target]; seconds >= 0) return seconds;
  return longest_seen_;
}

std::optional<double> Scheduler::estimate(const Unit& unit) const {
  double seconds = 0;
  for (std::size_t i : unit.cases) {
    const auto one = estimate(i);
    if (!one) return std::nullopt;
    seconds += *one;
  }
  return seconds;
}

// The estimated work of a queue: what the history knows, else what this run
// has seen of similar cases, else a case count.
double Scheduler::estimated_load(const Queue& queue) const {
  double seconds = 0;
  for (const Unit& unit : queue.units) seconds += estimate(unit).value_or(0);
  return seconds;
}

// Takes from the back of the queue with the most estimated work (under LPT
// the shortest units; without a history the ones furthest from its owner)
// about half of that work, at least one unit.
std::optional<int> Scheduler::steal_into(int worker) {
  Queue* victim = nullptr;
  int victim_worker = -1;
  std::pair<double, std::size_t> most{-1, 0};
  for (std::size_t q = 0; q < queues_.size(); ++q) {
    Queue& candidate = queues_[q];
    if (static_cast<int>(q) == worker || candidate.units.empty()) continue;
    const std::pair<double, std::size_t> load{estimated_load(candidate), candidate.cases};
    if (load > most) {
      most = load;
      victim = &candidate;
      victim_worker = static_cast<int>(q);
    }
  }
  if (!victim) return std::nullopt;
  const bool by_time = most.first > 0;
  const double half_seconds = most.first / 2;
  // A steal saves at most half the victim's work and costs the thief a
  // process start: with less work left than that, the thief stays idle.
  const std::optional<std::size_t> victim_target = victim->units.back().target;
  if (by_time && startup_weighs(victim_target) && half_seconds <= startup_cost(victim_target)) return std::nullopt;
  Queue& into = queues_[static_cast<std::size_t>(worker)];
  const std::size_t half_units = (victim->units.size() + 1) / 2;
  double stolen_seconds = 0;
  std::size_t stolen_units = 0;
  std::vector<Unit> stolen;
  while (!victim->units.empty() &&
         (stolen_units == 0 || (by_time ? stolen_seconds < half_seconds : stolen_units < half_units))) {
    stolen_seconds += estimate(victim->units.back()).value_or(0);
    ++stolen_units;
    stolen.push_back(pop(*victim, false));
  }
  // Long units longest first; short ones after them, a binary's together so
  // they still make large batches. Among equals, the unit furthest from the
  // victim's front first, so thief and owner work from opposite ends.
  auto long_seconds = [&](const Unit& unit) {
    const double seconds = estimate(unit).value_or(0);
    return seconds >= options_.batch_budget ? seconds : 0.0;
  };
  std::stable_sort(stolen.begin(), stolen.end(), [&](const Unit& a, const Unit& b) {
    const double a_long = long_seconds(a), b_long = long_seconds(b);
    if (a_long != b_long) return a_long > b_long;
    return a.target.value_or(SIZE_MAX) < b.target.value_or(SIZE_MAX);
  });
  for (auto it = stolen.rbegin(); it != stolen.rend(); ++it) push(into, std::move(*it), true);
  return victim_worker;
}

// Moves units from the worker's queue into its hand: at least one, then
// more of the same target while their estimated time fits the budget.
void Scheduler::fill_hand(int worker) {
  Queue& queue = queue_of(worker);
  if (queue.units.empty()) {
    const std::optional<int> victim = queues_.size() > 1 ? steal_into(worker) : std::nullopt;
    if (!victim) return;
    stolen_from_[static_cast<std::size_t>(worker)] = victim;
  }
  std::deque<std::size_t>& hand = hands_[static_cast<std::size_t>(worker)];
  auto take = [&] {
    Unit unit = pop(queue, true);
    hand.insert(hand.end(), unit.cases.begin(), unit.cases.end());
  };
  if (options_.mode == DistMode::no) {  // one worker, nothing to balance
    while (!queue.units.empty()) take();
    return;
  }
  const std::optional<std::size_t> target = queue.units.front().target;
  std::optional<double> seconds = estimate(queue.units.front());
  std::size_t unknown = unknown_cases(queue.units.front());
  // Guided by time where the history knows the work: a share of the queue's
  // known work, so early batches of a long queue are long too and only the
  // last ones are cut fine for stealing. (The tolerance keeps 50 cases of
  // 1 ms within a 50 ms budget despite rounding.)
  const double takers = queues_.size() == 1 ? 2.0 * static_cast<double>(hands_.size()) : 2.0;
  const double budget =
      std::max({options_.batch_budget, queue.known_seconds / takers,
                startup_weighs(target) ? kStartupsPerBatch * startup_cost(target) : 0.0}) *
      (1 + 1e-9);
  const std::size_t cap = target ? unknown_cap(*target) : 1;
  take();
  if (!target) return;
  if (!seconds) {
    // Nothing known yet: a probe. Its units are spread through the queue, so
    // the next batches are sized from a sample of the whole binary, not from
    // its first case alone.
    take_probe_sample(queue, *target, hand);
    return;
  }
  // More units of the same binary, in queue order, while the budget lasts.
  // Under LPT order the binaries alternate in the queue, so the search looks
  // past other binaries' units (a bounded way; they keep their places), but
  // stops at the first unit of this binary that does not fit, so the order
  // within a binary is kept.
  std::vector<Unit> passed_over;
  while (!queue.units.empty() && passed_over.size() < kBatchSearchWindow) {
    const Unit& next = queue.units.front();
    if (next.target != target) {
      passed_over.push_back(pop(queue, true));
      continue;
    }
    const std::optional<double> next_seconds = estimate(next);
    if (!next_seconds || *seconds + *next_seconds > budget) break;
    const std::size_t next_unknown = unknown_cases(next);
    if (next_unknown > 0 && unknown + next_unknown > cap) break;
    *seconds += *next_seconds;
    unknown += next_unknown;
    take();
  }
  for (auto it = passed_over.rbegin(); it != passed_over.rend(); ++it) push(queue, std::move(*it), true);
}

// A probe's other units: of the probe's binary, evenly spaced through the
// queue (every size/kProbeUnits-th unit), so the estimates that size the
// next batches come from all of the binary, not from its first case alone.
void Scheduler::take_probe_sample(Queue& queue, std::size_t target, std::deque<std::size_t>& hand) {
  // A small queue, or one that several workers share, is not emptied by one probe.
  const std::size_t takers = queues_.size() == 1 ? hands_.size() : 1;
  const std::size_t units = std::min(kProbeUnits, std::max<std::size_t>(1, (queue.units.size() + 1) / (2 * takers)));
  const std::size_t stride = std::max<std::size_t>(1, queue.units.size() / units);
  std::size_t taken = 1;
  std::size_t at = stride - 1;  // in the queue as it is now
  while (taken < units && at < queue.units.size()) {
    if (queue.units[at].target != target) {
      at += stride;
      continue;
    }
    const Unit unit = remove(queue, at);
    hand.insert(hand.end(), unit.cases.begin(), unit.cases.end());
    ++taken;
    at += stride - 1;  // the queue closed up over the unit taken
  }
}

std::optional<Batch> Scheduler::next_fixed_batch(int worker) {
  std::deque<std::vector<std::size_t>>& batches = fixed_.at(static_cast<std::size_t>(worker));
  if (batches.empty()) return std::nullopt;
  Batch batch;
  batch.worker = worker;
  batch.cases = std::move(batches.front());
  batches.pop_front();
  batch.target = cases_[batch.cases.front()].target;
  return batch;
}

std::optional<Batch> Scheduler::next_batch(int worker) {
  if (!fixed_.empty()) return next_fixed_batch(worker);
  std::deque<std::size_t>& hand = hands_.at(static_cast<std::size_t>(worker));
  if (hand.empty()) fill_hand(worker);
  if (hand.empty()) return std::nullopt;
  Batch batch;
  batch.worker = worker;
  batch.target = cases_[hand.front()].target;
  std::size_t name_bytes = 0;
  // --count: a case's next round needs a process of its own (GoogleTest runs
  // a name given twice in a filter once).
  std::unordered_set<std::size_t> in_batch;
  auto new_in_batch = [&](std::size_t index) { return !repeats_cases_ || in_batch.insert(index).second; };
  while (!hand.empty() && cases_[hand.front()].target == batch.target && new_in_batch(hand.front())) {
    const std::size_t bytes = cases_[hand.front()].name.size() + 1;
    if (!batch.cases.empty() && name_bytes + bytes > options_.max_batch_name_bytes) break;
    name_bytes += bytes;
    batch.cases.push_back(hand.front());
    hand.pop_front();
  }
  batch.stolen_from = std::exchange(stolen_from_[static_cast<std::size_t>(worker)], std::nullopt);
  return batch;
}

std::optional<Batch> Scheduler::next_serial_batch() {
  if (serial_.empty()) return std::nullopt;
  // Serial cases run one batch at a time anyway: a batch takes all the
  // serial units of one binary that come next.
  std::deque<std::size_t>& hand = hands_[0];
  const std::optional<std::size_t> target = serial_.front().target;
  do {
    hand.insert(hand.end(), serial_.front().cases.begin(), serial_.front().cases.end());
    serial_.pop_front();
  } while (!serial_.empty() && target && serial_.front().target == target);
  return next_batch(0);
}

void Scheduler::observe(std::size_t case_index, double seconds) {
  const TestCase& test_case = cases_[case_index];
  raise_to(longest_in_suite_[suite_of_case_[case_index]], seconds);
  raise_to(longest_in_target_[test_case.target], seconds);
  ++finished_in_target_[test_case.target];
  seconds_in_target_[test_case.target] += seconds;
  ++finished_;
  seconds_finished_ += seconds;
  longest_seen_ = std::max(longest_seen_.value_or(0.0), seconds);
}

void Scheduler::observe_startup(std::size_t target, double seconds) {
  if (target >= startups_.size()) return;
  startup_seconds_[target] += std::max(0.0, seconds);
  ++startups_[target];
}

void Scheduler::requeue(int worker, const std::vector<std::size_t>& cases) {
  // A replay runs the recorded processes and no others: where the first run
  // went on after a dead process, the report has that process too.
  if (!fixed_.empty()) return;
  std::deque<std::size_t>& hand = hands_.at(static_cast<std::size_t>(worker));
  hand.insert(hand.begin(), cases.begin(), cases.end());
}

std::size_t Scheduler::remaining() const {
  std::size_t count = 0;
  for (const Queue& queue : queues_) count += queue.cases;
  for (const auto& hand : hands_) count += hand.size();
  for (const Unit& unit : serial_) count += unit.cases.size();
  for (const auto& batches : fixed_)
    for (const auto& batch : batches) count += batch.size();
  return count;
}

}  // namespace ptest
