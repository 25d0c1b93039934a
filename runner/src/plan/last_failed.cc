#include "plan/last_failed.h"

namespace ptest {

LastFailedChoice choose_last_failed(const std::vector<std::size_t>& selected,
                                    const std::vector<bool>& failed_or_not_run, LastFailedMode mode,
                                    bool none) {
  LastFailedChoice choice;
  std::vector<std::size_t> rest;
  for (std::size_t index : selected) {
    if (index < failed_or_not_run.size() && failed_or_not_run[index]) choice.cases.push_back(index);
    else rest.push_back(index);
  }
  choice.chosen = choice.cases.size();
  if (mode == LastFailedMode::off) return LastFailedChoice{selected, choice.chosen};
  if (mode == LastFailedMode::first || choice.chosen == 0) {
    if (mode == LastFailedMode::only && none) return choice;  // nothing at all
    choice.cases.insert(choice.cases.end(), rest.begin(), rest.end());
  }
  return choice;
}

}  // namespace ptest
