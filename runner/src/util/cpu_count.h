// How many CPUs this process may use: for -n auto.
#pragma once

namespace ptest {

// The smaller of the CPUs in the affinity mask and the cgroup v2 CPU quota
// (cpu.max), at least 1. A container limited to 2 CPUs on a 64-core host
// gets 2 workers, not 64.
int usable_cpu_count();

}  // namespace ptest
