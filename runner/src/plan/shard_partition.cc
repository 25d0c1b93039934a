#include "plan/shard_partition.h"

#include <algorithm>
#include <cstdint>

#include "plan/stable_hash.h"
#include "plan/work_units.h"

namespace ptest {

namespace {

struct PlacedUnit {
  std::vector<std::size_t> cases;
  double estimate = 0;
  bool known = false;  // some case of it has a history
  std::uint64_t hash = 0;
};

// With no history at all every unknown case weighs the same, 1 s.
double mean_known_duration(const std::vector<std::size_t>& selected, const std::vector<double>& known) {
  double sum = 0;
  std::size_t count = 0;
  for (std::size_t i : selected)
    if (!known.empty() && known[i] >= 0) {
      sum += known[i];
      ++count;
    }
  return count > 0 ? sum / static_cast<double>(count) : 1.0;
}

// The work units, with every unit that holds a serial case joined into one.
std::vector<std::vector<std::size_t>> shard_units(const std::vector<TestCase>& cases,
                                                  const std::vector<std::size_t>& selected, DistMode mode) {
  std::vector<std::vector<std::size_t>> kept;
  std::vector<std::size_t> serial;
  for (std::vector<std::size_t>& unit : make_work_units(cases, selected, mode)) {
    if (std::any_of(unit.begin(), unit.end(), [&](std::size_t i) { return is_serial(cases[i]); }))
      serial.insert(serial.end(), unit.begin(), unit.end());
    else
      kept.push_back(std::move(unit));
  }
  if (!serial.empty()) kept.push_back(std::move(serial));
  return kept;
}

PlacedUnit place_unit(const std::vector<TestCase>& cases, std::vector<std::size_t> members,
                      const std::vector<double>& known, double unknown_estimate) {
  PlacedUnit unit;
  std::sort(members.begin(), members.end());
  // Named by its smallest id, so that the manifest's order does not move it.
  const std::string* smallest = &cases[members.front()].id;
  for (std::size_t i : members) smallest = std::min(smallest, &cases[i].id, [](auto a, auto b) { return *a < *b; });
  unit.hash = stable_hash(*smallest);
  for (std::size_t i : members) {
    const bool has_history = !known.empty() && known[i] >= 0;
    unit.known = unit.known || has_history;
    unit.estimate += has_history ? known[i] : unknown_estimate;
  }
  unit.cases = std::move(members);
  return unit;
}

// The least estimated work, then the fewest cases: durations in a history
// of trivial cases are often all 0, and they must spread too.
std::size_t least_loaded(const ShardPlan& plan) {
  std::size_t least = 0;
  for (std::size_t shard = 1; shard < plan.shards.size(); ++shard)
    if (std::make_pair(plan.estimated_seconds[shard], plan.shards[shard].size()) <
        std::make_pair(plan.estimated_seconds[least], plan.shards[least].size()))
      least = shard;
  return least;
}

}  // namespace

ShardPlan partition_shards(const std::vector<TestCase>& cases, const std::vector<std::size_t>& selected,
                           const ShardPartitionOptions& options) {
  const std::size_t count = static_cast<std::size_t>(std::max(1, options.shards));
  const double unknown_estimate = mean_known_duration(selected, options.known_durations);
  std::vector<PlacedUnit> known, unknown;
  for (std::vector<std::size_t>& members : shard_units(cases, selected, options.mode)) {
    PlacedUnit unit = place_unit(cases, std::move(members), options.known_durations, unknown_estimate);
    (unit.known ? known : unknown).push_back(std::move(unit));
  }
  // Longest first; equal estimates in hash order, so the manifest's order does not matter.
  std::sort(known.begin(), known.end(), [](const PlacedUnit& a, const PlacedUnit& b) {
    return a.estimate != b.estimate ? a.estimate > b.estimate : a.hash < b.hash;
  });
  ShardPlan plan;
  plan.shards.resize(count);
  plan.estimated_seconds.assign(count, 0);
  auto assign = [&](const PlacedUnit& unit, std::size_t shard) {
    plan.shards[shard].insert(plan.shards[shard].end(), unit.cases.begin(), unit.cases.end());
    plan.estimated_seconds[shard] += unit.estimate;
  };
  for (const PlacedUnit& unit : known) assign(unit, least_loaded(plan));
  for (const PlacedUnit& unit : unknown) assign(unit, unit.hash % count);
  for (std::vector<std::size_t>& shard : plan.shards) std::sort(shard.begin(), shard.end());
  return plan;
}

std::string manifest_digest(const Manifest& manifest) {
  std::uint64_t hash = stable_hash("ptest manifest\n");
  for (const TestCase& test_case : manifest.cases) {
    hash = stable_hash(test_case.id, hash);
    hash = stable_hash("\n", hash);
  }
  return hex_digest(hash);
}

std::string plan_digest(const std::string& manifest_digest, const std::vector<std::vector<std::string>>& shard_ids) {
  std::uint64_t hash = stable_hash(manifest_digest + "\n" + std::to_string(shard_ids.size()) + "\n");
  for (const std::vector<std::string>& shard : shard_ids) {
    for (const std::string& id : shard) {
      hash = stable_hash(id, hash);
      hash = stable_hash("\n", hash);
    }
    hash = stable_hash("--\n", hash);
  }
  return hex_digest(hash);
}

}  // namespace ptest
