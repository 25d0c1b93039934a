#include "plan/shard_partition.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

#include "test_support.h"

using namespace ptest;
using ptest::testing::all_indices;
using ptest::testing::make_case;
using ptest::testing::make_manifest;

namespace {

// 200 cases over 4 binaries and 10 suites, 5 files, a few groups and serial cases.
Manifest mixed_suite() {
  std::vector<TestCase> cases;
  for (int i = 0; i < 200; ++i) {
    std::vector<std::string> markers;
    if (i % 50 == 7) markers.push_back(kSerialMarker);
    const std::string group = i % 40 == 3 ? "db" : i % 40 == 4 ? "net" : "";
    cases.push_back(make_case("S" + std::to_string(i % 10), "T" + std::to_string(i), i % 4, markers, group,
                              "f" + std::to_string(i % 5) + ".cc"));
  }
  return make_manifest(4, std::move(cases));
}

// A fake history: skewed durations, a few long cases among many short ones.
std::vector<double> skewed_history(const Manifest& manifest) {
  std::vector<double> known;
  for (std::size_t i = 0; i < manifest.cases.size(); ++i) known.push_back(i % 17 == 0 ? 2.0 + i % 5 : 0.01 * (i % 9 + 1));
  return known;
}

ShardPartitionOptions options_for(int shards, DistMode mode, std::vector<double> known = {}) {
  ShardPartitionOptions options;
  options.shards = shards;
  options.mode = mode;
  options.known_durations = std::move(known);
  return options;
}

std::map<std::size_t, int> shard_of_case(const ShardPlan& plan) {
  std::map<std::size_t, int> shard_of;
  for (std::size_t shard = 0; shard < plan.shards.size(); ++shard)
    for (std::size_t i : plan.shards[shard]) shard_of[i] = static_cast<int>(shard);
  return shard_of;
}

double summed(const std::vector<std::size_t>& cases, const std::vector<double>& known) {
  double sum = 0;
  for (std::size_t i : cases) sum += known[i];
  return sum;
}

}  // namespace

TEST(ShardPartition, EveryModeRunsTheSelectionExactlyOnce) {
  const Manifest manifest = mixed_suite();
  std::vector<std::size_t> selected;
  for (std::size_t i = 0; i < manifest.cases.size(); i += 1 + i % 2) selected.push_back(i);
  for (const DistMode mode : {DistMode::worksteal, DistMode::load, DistMode::loadscope, DistMode::loadfile,
                              DistMode::loadgroup}) {
    for (const bool history : {false, true}) {
      const ShardPlan plan = partition_shards(manifest.cases, selected,
                                              options_for(4, mode, history ? skewed_history(manifest)
                                                                           : std::vector<double>{}));
      std::vector<std::size_t> all;
      for (const auto& shard : plan.shards) {
        EXPECT_TRUE(std::is_sorted(shard.begin(), shard.end()));
        all.insert(all.end(), shard.begin(), shard.end());
      }
      std::sort(all.begin(), all.end());
      EXPECT_EQ(all, selected) << dist_mode_name(mode) << " history " << history;
    }
  }
}

TEST(ShardPartition, GroupsScopesAndSerialCasesStayOnOneShard) {
  const Manifest manifest = mixed_suite();
  const std::vector<std::size_t> selected = all_indices(manifest);
  for (const DistMode mode : {DistMode::worksteal, DistMode::loadscope, DistMode::loadfile}) {
    const auto shard_of = shard_of_case(
        partition_shards(manifest.cases, selected, options_for(4, mode, skewed_history(manifest))));
    std::map<std::string, std::set<int>> shards_of_key;
    for (std::size_t i : selected) {
      const TestCase& test_case = manifest.cases[i];
      if (!test_case.group.empty()) shards_of_key["group " + test_case.group].insert(shard_of.at(i));
      if (!test_case.markers.empty()) shards_of_key["serial"].insert(shard_of.at(i));
      const std::string target = std::to_string(test_case.target);
      if (mode == DistMode::loadscope) shards_of_key["suite " + target + test_case.suite].insert(shard_of.at(i));
      if (mode == DistMode::loadfile) shards_of_key["file " + target + test_case.file].insert(shard_of.at(i));
    }
    EXPECT_TRUE(shards_of_key.count("group db") && shards_of_key.count("serial"));
    for (const auto& [key, shards] : shards_of_key) EXPECT_EQ(shards.size(), 1u) << key << " in " << dist_mode_name(mode);
  }
}

TEST(ShardPartition, HistoryBalancesTheShardsDurations) {
  std::vector<TestCase> cases;
  for (int i = 0; i < 400; ++i) cases.push_back(make_case("S" + std::to_string(i % 20), "T" + std::to_string(i), i % 4));
  const Manifest manifest = make_manifest(4, std::move(cases));
  std::vector<double> known;
  for (int i = 0; i < 400; ++i) known.push_back(i < 100 ? 0.5 + 0.01 * i : 0.02 + 0.001 * (i % 13));
  const ShardPlan plan = partition_shards(manifest.cases, all_indices(manifest), options_for(4, DistMode::worksteal, known));
  std::vector<double> sums;
  for (const auto& shard : plan.shards) sums.push_back(summed(shard, known));
  const auto [least, most] = std::minmax_element(sums.begin(), sums.end());
  EXPECT_LE(*most / *least, 1.05);
  for (std::size_t shard = 0; shard < 4; ++shard) EXPECT_NEAR(plan.estimated_seconds[shard], sums[shard], 1e-9);
}

TEST(ShardPartition, AddingACaseMovesNoOther) {
  const Manifest before = mixed_suite();
  Manifest after = before;
  after.cases.insert(after.cases.begin() + 60, make_case("S3", "Brand_new", 1));
  for (const bool history : {false, true}) {
    std::vector<double> known_before = history ? skewed_history(before) : std::vector<double>{};
    std::vector<double> known_after = known_before;
    if (history) known_after.insert(known_after.begin() + 60, -1.0);  // the new case has no history
    const auto shard_before = shard_of_case(
        partition_shards(before.cases, all_indices(before), options_for(4, DistMode::worksteal, known_before)));
    const auto shard_after = shard_of_case(
        partition_shards(after.cases, all_indices(after), options_for(4, DistMode::worksteal, known_after)));
    std::size_t moved = 0;
    for (const auto& [index, shard] : shard_before)
      moved += shard_after.at(index < 60 ? index : index + 1) != shard;
    EXPECT_EQ(moved, 0u) << "history " << history;
  }
}

TEST(ShardPartition, WithoutHistoryCasesSpreadOverEveryShard) {
  const Manifest manifest = mixed_suite();
  const ShardPlan plan = partition_shards(manifest.cases, all_indices(manifest), options_for(4, DistMode::worksteal));
  for (const auto& shard : plan.shards) {
    EXPECT_GT(shard.size(), 20u);
    EXPECT_LT(shard.size(), 90u);
  }
}

TEST(ShardPartition, MoreShardsThanUnitsLeavesSomeEmpty) {
  const Manifest manifest = make_manifest(1, {make_case("S", "A"), make_case("S", "B")});
  const ShardPlan plan = partition_shards(manifest.cases, all_indices(manifest), options_for(5, DistMode::load));
  std::size_t total = 0;
  for (const auto& shard : plan.shards) total += shard.size();
  EXPECT_EQ(plan.shards.size(), 5u);
  EXPECT_EQ(total, 2u);
}

TEST(ShardPartition, TheSameInputsGiveTheSamePlanWhateverTheManifestOrder) {
  const Manifest manifest = mixed_suite();
  Manifest reversed = manifest;
  std::reverse(reversed.cases.begin(), reversed.cases.end());
  std::vector<double> known = skewed_history(manifest);
  std::vector<double> known_reversed(known.rbegin(), known.rend());
  auto ids = [](const Manifest& m, const ShardPlan& plan) {
    std::vector<std::set<std::string>> shards;
    for (const auto& shard : plan.shards) {
      shards.emplace_back();
      for (std::size_t i : shard) shards.back().insert(m.cases[i].id);
    }
    return shards;
  };
  const auto options = options_for(3, DistMode::load, known);
  EXPECT_EQ(ids(manifest, partition_shards(manifest.cases, all_indices(manifest), options)),
            ids(reversed, partition_shards(reversed.cases, all_indices(reversed),
                                           options_for(3, DistMode::load, known_reversed))));
}

TEST(PlanDigest, NamesTheManifestAndTheShards) {
  const std::string digest = plan_digest("m1", {{"a", "b"}, {"c"}});
  EXPECT_EQ(digest.size(), 16u);
  EXPECT_EQ(digest, plan_digest("m1", {{"a", "b"}, {"c"}}));
  EXPECT_NE(digest, plan_digest("m2", {{"a", "b"}, {"c"}}));
  EXPECT_NE(digest, plan_digest("m1", {{"a"}, {"b", "c"}}));
  EXPECT_NE(manifest_digest(mixed_suite()), manifest_digest(make_manifest(1, {make_case("S", "A")})));
}

TEST(ShardPartition, CasesOfZeroDurationStillSpread) {
  const Manifest manifest = mixed_suite();
  const std::vector<double> zero(manifest.cases.size(), 0.0);
  const ShardPlan plan = partition_shards(manifest.cases, all_indices(manifest), options_for(4, DistMode::load, zero));
  for (const auto& shard : plan.shards) EXPECT_GT(shard.size(), 30u);
}
