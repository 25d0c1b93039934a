#include "util/cpu_count.h"

#include <sched.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <string>

namespace ptest {

namespace {

// The cgroup v2 quota of this process's cgroup, in CPUs; 0 when unlimited or unknown.
int cgroup_cpu_limit() {
  std::ifstream cgroup_file("/proc/self/cgroup");
  std::string line, path;
  while (std::getline(cgroup_file, line))
    if (line.rfind("0::", 0) == 0) path = line.substr(3);
  for (std::string dir = "/sys/fs/cgroup" + path;; dir = dir.substr(0, dir.rfind('/'))) {
    std::ifstream max_file(dir + "/cpu.max");
    std::string quota;
    long period = 0;
    if (max_file >> quota >> period && quota != "max" && period > 0) {
      const double cpus = std::stod(quota) / static_cast<double>(period);
      return std::max(1, static_cast<int>(std::ceil(cpus)));
    }
    if (dir.size() <= std::string("/sys/fs/cgroup").size()) return 0;
  }
}

}  // namespace

int usable_cpu_count() {
  int count = 0;
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0) count = CPU_COUNT(&set);
  if (count <= 0) count = static_cast<int>(sysconf(_SC_NPROCESSORS_ONLN));
  if (const int limit = cgroup_cpu_limit(); limit > 0) count = std::min(count, limit);
  return std::max(1, count);
}

}  // namespace ptest
