#include "run/run_loop.h"

#include <signal.h>

#include <algorithm>
#include <optional>
#include <string>
#include <variant>

#include "run/fixture_tracker.h"

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

  auto record = [&](const CaseResult& result) {
    summary.count(result.outcome);
    ++finished;
    reporter.case_finished(manifest.cases[result.case_index], result);
  };
  for (std::size_t index : disabled) record(result_without_running(index, Outcome::skipped, 0, 0, "disabled"));

  FixtureTracker fixtures(manifest, scheduler.all_cases(), options.fixtures);
  const int workers = scheduler.worker_count();
  std::vector<bool> busy(static_cast<std::size_t>(workers), false);
  bool stopping = false;
  std::size_t restarts = 0;
  // Stops everything that runs. A later call (an interrupt after -x) sends
  // its own signal and reason over the earlier one's.
  auto stop = [&](std::string reason, int signal) {
    stopping = true;
    summary.stop_reason = std::move(reason);
    executor.stop_all(signal, options.stop_grace);
  };
  // Every case that will not run again ends here, whether its process
  // reported it or a fixture failed it, so both count towards --maxfail.
  auto finished_case = [&](const CaseResult& result) {
    record(result);
    fixtures.done(result.case_index);
    if (!stopping && options.maxfail > 0 && summary.failures() >= options.maxfail)
      stop("stopping after " + std::to_string(summary.failures()) + " failure" +
               (summary.failures() == 1 ? "" : "s"),
           SIGTERM);
  };
  // Starts a batch once its fixtures are set up; a batch whose fixture
  // failed does not run: its cases fail with the setup's reason.
  auto launch = [&](Batch& batch) {
    const std::string fixture_failure = fixtures.prepare(batch);
    if (fixture_failure.empty()) {
      busy[static_cast<std::size_t>(batch.worker)] = true;
      executor.start(batch);
      return true;
    }
    for (std::size_t index : batch.cases)
      finished_case(result_without_running(index, Outcome::failed, batch.worker, executor.now(), fixture_failure));
    return false;
  };

  for (;;) {
    if (!stopping) {
      for (int worker = 0; worker < workers; ++worker) {
        if (busy[static_cast<std::size_t>(worker)]) continue;
        while (auto batch = scheduler.next_batch(worker))
          if (launch(*batch)) break;
      }
    }
    if (std::none_of(busy.begin(), busy.end(), [](bool b) { return b; })) {
      // Nothing runs and no parallel work is left: the serial cases' turn.
      bool started = false;
      while (!stopping && !started) {
        std::optional<Batch> serial = scheduler.next_serial_batch();
        if (!serial) break;
        started = launch(*serial);
      }
      if (!started) break;
    }

    for (ExecutorEvent& event : executor.wait()) {
      std::visit(
          Overloaded{
              [&](CaseStarted& started) {
                reporter.case_started(manifest.cases[started.case_index], started.worker);
              },
              [&](CaseFinished& done) {
                scheduler.observe(done.result.case_index, done.result.stop - done.result.start);
                finished_case(done.result);
              },
              [&](BatchFinished& done) {
                busy[static_cast<std::size_t>(done.worker)] = false;
                if (done.process_died && ++restarts > options.max_worker_restart && !stopping)
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
                stop(interrupted.signal == SIGINT ? "interrupted (SIGINT)" : "interrupted (SIGTERM)",
                     interrupted.signal);
              },
          },
          event);
    }
  }
  fixtures.finish();
  summary.not_run = selected - finished;
  summary.duration = executor.now();
  reporter.run_finished(summary);
  return summary;
}

}  // namespace ptest
