#include "run_loop.h"

#include <signal.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <variant>

namespace ptest {

namespace {

template <class... Handlers>
struct Overloaded : Handlers... {
  using Handlers::operator()...;
};
template <class... Handlers>
Overloaded(Handlers...) -> Overloaded<Handlers...>;

// The fixtures of a run: each set up at most once, cleaned up once, after
// the last case that needs it has finished.
class FixtureTracker {
 public:
  FixtureTracker(const Manifest& manifest, const std::vector<std::size_t>& cases, FixtureHost* host)
      : manifest_(manifest), host_(host) {
    for (std::size_t i = 0; i < manifest.fixtures.size(); ++i) index_[manifest.fixtures[i].name] = i;
    for (std::size_t index : cases)
      for (const std::string& name : manifest.targets[manifest.cases[index].target].fixtures) ++states_[name].remaining;
  }

  // Sets up what the batch's binary needs, adding the setups' exports to the
  // batch. Returns why it cannot run, or an empty string.
  std::string prepare(Batch& batch) {
    if (!host_) return {};
    for (const std::string& name : manifest_.targets[batch.target].fixtures) {
      State& state = states_[name];
      if (state.phase == Phase::pending) {
        auto it = index_.find(name);
        if (it == index_.end()) {
          state.phase = Phase::failed;
          state.message = "no fixture named '" + name + "' in the manifest";
        } else {
          const FixtureSetup setup = host_->set_up(manifest_.fixtures[it->second]);
          state.phase = setup.ok ? Phase::ready : Phase::failed;
          state.environment = setup.environment;
          state.message = setup.message;
        }
      }
      if (state.phase == Phase::failed) return state.message;
      batch.environment.insert(batch.environment.end(), state.environment.begin(), state.environment.end());
    }
    return {};
  }

  // A case is done (finished, or will not run): cleans up what it was the last user of.
  void done(std::size_t case_index) {
    for (const std::string& name : manifest_.targets[manifest_.cases[case_index].target].fixtures) {
      State& state = states_[name];
      if (state.remaining > 0 && --state.remaining == 0) clean_up(name, state);
    }
  }

  // The end of the run: whatever was set up and not yet cleaned up.
  void finish() {
    for (auto& [name, state] : states_) clean_up(name, state);
  }

 private:
  enum class Phase { pending, ready, failed, cleaned };
  struct State {
    Phase phase = Phase::pending;
    std::vector<std::pair<std::string, std::string>> environment;
    std::string message;
    std::size_t remaining = 0;
  };

  // A failed setup is cleaned up too: it may have half-built something.
  void clean_up(const std::string& name, State& state) {
    if (state.phase != Phase::ready && state.phase != Phase::failed) return;
    auto it = index_.find(name);
    if (host_ && it != index_.end()) host_->clean_up(manifest_.fixtures[it->second]);
    state.phase = Phase::cleaned;
  }

  const Manifest& manifest_;
  FixtureHost* host_;
  std::map<std::string, std::size_t> index_;
  std::map<std::string, State> states_;
};

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
  for (std::size_t index : disabled) {
    CaseResult result;
    result.case_index = index;
    result.outcome = Outcome::skipped;
    result.message = "disabled";
    record(result);
  }

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
    for (std::size_t index : batch.cases) {
      CaseResult result;
      result.case_index = index;
      result.outcome = Outcome::failed;
      result.worker = batch.worker;
      result.start = result.stop = executor.now();
      result.message = fixture_failure;
      finished_case(result);
    }
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
