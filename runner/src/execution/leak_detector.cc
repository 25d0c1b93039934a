#include "execution/leak_detector.h"

#include <chrono>
#include <thread>

#include "model/model.h"
#include "process/orphans.h"

namespace ptest {

namespace {

bool belongs_to(pid_t pid, const std::string& worker, const std::string& testrun_uid) {
  const std::string uid = process_environment_variable(pid, "PTEST_TESTRUN_UID");
  if (uid.empty()) return true;  // its environment is gone or unreadable: the batch that just ended
  return uid == testrun_uid && process_environment_variable(pid, "PTEST_WORKER") == worker;
}

}  // namespace

std::vector<LeakedProcess> LeakDetector::collect(int worker, const std::vector<pid_t>& running) const {
  if (!options_.enabled) return {};
  const std::string name = worker_name(worker);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(options_.timeout);
  std::vector<OrphanProcess> orphans;
  // Most batches leave nothing: one look at /proc. Those that leave
  // something get the grace to let it end by itself (a child killed with
  // the process group takes a moment to be gone).
  for (;;) {
    orphans.clear();
    for (OrphanProcess& orphan : find_orphans(running))
      if (belongs_to(orphan.pid, name, options_.testrun_uid)) orphans.push_back(std::move(orphan));
    if (orphans.empty() || std::chrono::steady_clock::now() >= deadline) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  kill_orphans(orphans);
  std::vector<LeakedProcess> leaks;
  for (const OrphanProcess& orphan : orphans) leaks.push_back({orphan.pid, orphan.command_line});
  return leaks;
}

void LeakDetector::attach(std::vector<LeakedProcess> leaks, int worker, std::vector<ExecutorEvent>& events,
                          std::size_t first) const {
  if (leaks.empty()) return;
  for (std::size_t i = events.size(); i > first; --i) {
    auto* finished = std::get_if<CaseFinished>(&events[i - 1]);
    if (!finished || finished->result.worker != worker) continue;
    CaseResult& result = finished->result;
    if (options_.fail && result.outcome == Outcome::passed) {
      result.outcome = Outcome::failed;
      result.message = describe_leaks(leaks);
    }
    result.leaks = std::move(leaks);
    return;
  }
}

void LeakDetector::kill_stragglers() { kill_orphans(find_orphans({})); }

std::string describe_leaks(const std::vector<LeakedProcess>& leaks) {
  std::string text = "leaked " + std::to_string(leaks.size()) + (leaks.size() == 1 ? " process: " : " processes: ");
  for (std::size_t i = 0; i < leaks.size(); ++i)
    text += (i ? ", pid " : "pid ") + std::to_string(leaks[i].pid) + " (" + leaks[i].command_line + ")";
  return text;
}

}  // namespace ptest
