// --lf and --ff, as pytest's cacheprovider has them: what failed last time
// (each case's last outcome, from the history) and what the last run
// selected but never finished, run alone (--lf) or first (--ff).
#pragma once

#include <cstddef>
#include <vector>

namespace ptest {

enum class LastFailedMode {
  off,
  only,   // --lf: only those cases; all of the selection when there are none
  first,  // --ff: those cases first, then the rest
};

struct LastFailedChoice {
  std::vector<std::size_t> cases;  // what to run, in this order
  std::size_t chosen = 0;          // how many of them failed or never finished last time
};

// `selected`: manifest indices, in order; `failed_or_not_run`: by manifest
// index. With --lf and nothing to choose, `none` runs nothing (--lfnf none)
// instead of everything (--lfnf all, pytest's default).
LastFailedChoice choose_last_failed(const std::vector<std::size_t>& selected,
                                    const std::vector<bool>& failed_or_not_run, LastFailedMode mode,
                                    bool none);

}  // namespace ptest
