#include "run_loop.h"

#include <signal.h>

#include <algorithm>
#include <variant>

namespace ptest {

namespace {

template <class... Handlers>
struct Overloaded : Handlers... {
  using Handlers::operator()...;
};
template <class... Handlers>
Overloaded(Handlers...) -> Overloaded<Handlers...>;

}  // namespace

RunSummary run_tests(const Manifest& manifest, Scheduler& scheduler, Executor& executor,
                     Reporter& reporter, const std::vector<std::size_t>& disabled,
                     const RunLoopOptions& options) {
  RunSummary summary;
  const std::size_t selected = scheduler.remaining() + disabled.size();
  std::size_t finished = 0;

  for (std::size_t index : disabled) {
    CaseResult result;
    result.case_index = index;
    result.outcome = Outcome::skipped;
    result.message = "disabled";
    summary.count(result.outcome);
    ++finished;
    reporter.case_finished(manifest.cases[index], result);
  }

  const int workers = scheduler.worker_count();
  std::vector<bool> busy(static_cast<std::size_t>(workers), false);
  bool stopping = false;
  std::size_t restarts = 0;
  auto stop = [&](std::string reason, int signal) {
    if (stopping) return;
    stopping = true;
    summary.stop_reason = std::move(reason);
    executor.stop_all(signal, options.stop_grace);
  };

  for (;;) {
    if (!stopping) {
      for (int worker = 0; worker < workers; ++worker) {
        if (busy[static_cast<std::size_t>(worker)]) continue;
        if (auto batch = scheduler.next_batch(worker)) {
          busy[static_cast<std::size_t>(worker)] = true;
          executor.start(*batch);
        }
      }
    }
    if (std::none_of(busy.begin(), busy.end(), [](bool b) { return b; })) {
      // Nothing runs and no parallel work is left: the serial cases' turn.
      std::optional<Batch> serial = stopping ? std::nullopt : scheduler.next_serial_batch();
      if (!serial) break;
      busy[static_cast<std::size_t>(serial->worker)] = true;
      executor.start(*serial);
    }

    for (ExecutorEvent& event : executor.wait()) {
      std::visit(
          Overloaded{
              [&](CaseStarted& started) {
                reporter.case_started(manifest.cases[started.case_index], started.worker);
              },
              [&](CaseFinished& done) {
                summary.count(done.result.outcome);
                ++finished;
                scheduler.observe(done.result.case_index, done.result.stop - done.result.start);
                reporter.case_finished(manifest.cases[done.result.case_index], done.result);
                if (options.maxfail > 0 && summary.failures() >= options.maxfail)
                  stop("stopping after " + std::to_string(summary.failures()) + " failure" +
                           (summary.failures() == 1 ? "" : "s"),
                       SIGTERM);
              },
              [&](BatchFinished& done) {
                busy[static_cast<std::size_t>(done.worker)] = false;
                if (done.process_died && ++restarts > options.max_worker_restart)
                  stop(std::to_string(restarts) + " test processes died, more than --max-worker-restart " +
                           std::to_string(options.max_worker_restart) + " allows",
                       SIGTERM);
                if (!stopping && !done.not_started.empty()) scheduler.requeue(done.worker, done.not_started);
              },
              [&](Interrupted& interrupted) {
                if (summary.interrupted) {
                  executor.stop_all(SIGKILL, 0);  // a second Ctrl-C: no more grace
                  return;
                }
                summary.interrupted = true;
                stopping = false;  // an interrupt overrides an earlier, gentler stop
                stop(interrupted.signal == SIGINT ? "interrupted (SIGINT)" : "interrupted (SIGTERM)",
                     interrupted.signal);
              },
          },
          event);
    }
  }
  summary.not_run = selected - finished;
  summary.duration = executor.now();
  reporter.run_finished(summary);
  return summary;
}

}  // namespace ptest
