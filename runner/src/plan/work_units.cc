#include "plan/work_units.h"

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

std::vector<std::vector<std::size_t>> make_work_units(const std::vector<TestCase>& cases,
                                                      const std::vector<std::size_t>& selected, DistMode mode) {
  DisjointSets sets(selected.size());
  std::map<std::string, std::size_t> first_with_key;
  for (std::size_t position = 0; position < selected.size(); ++position) {
    const TestCase& test_case = cases[selected[position]];
    const std::string scope = scope_key(test_case, mode);
    if (!scope.empty()) sets.join(position, first_with_key.emplace("s" + scope, position).first->second);
    if (!test_case.group.empty())
      sets.join(position, first_with_key.emplace("g" + test_case.group, position).first->second);
  }
  std::vector<std::vector<std::size_t>> units;
  std::map<std::size_t, std::size_t> unit_of_root;
  for (std::size_t position = 0; position < selected.size(); ++position) {
    const auto [it, added] = unit_of_root.emplace(sets.find(position), units.size());
    if (added) units.emplace_back();
    units[it->second].push_back(selected[position]);
  }
  return units;
}

bool is_serial(const TestCase& test_case) {
  return std::binary_search(test_case.markers.begin(), test_case.markers.end(), std::string(kSerialMarker));
}

}  // namespace ptest
