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

// One run: the state kept between the executor's events, one method per
// kind of event, and the rules for stopping early.
class RunLoop {
 public:
  RunLoop(const Manifest& manifest, Scheduler& scheduler, Executor& executor, Reporter& reporter,
          const RunLoopOptions& options)
      : manifest_(manifest),
        scheduler_(scheduler),
        executor_(executor),
        reporter_(reporter),
        options_(options),
        fixtures_(manifest, scheduler.all_cases(), options.fixtures),
        busy_(static_cast<std::size_t>(scheduler.worker_count()), false) {}

  RunSummary run(const std::vector<std::size_t>& disabled);

 private:
  bool start_work();
  void fill_idle_workers();
  bool start_parallel_batch(int worker);
  bool start_serial_batch();
  bool launch(Batch& batch);

  void on_event(const ExecutorEvent& event);
  void on_case_started(const CaseStarted& started);
  void on_case_finished(const CaseFinished& finished);
  void on_batch_finished(const BatchFinished& finished);
  void on_interrupted(const Interrupted& interrupted);

  void finish_case(const CaseResult& result);
  void record(const CaseResult& result);
  void stop(std::string reason, int signal);
  bool anything_runs() const { return std::find(busy_.begin(), busy_.end(), true) != busy_.end(); }

  const Manifest& manifest_;
  Scheduler& scheduler_;
  Executor& executor_;
  Reporter& reporter_;
  const RunLoopOptions& options_;
  FixtureTracker fixtures_;
  std::vector<bool> busy_;  // by worker: a batch of it runs
  RunSummary summary_;
  std::size_t finished_ = 0;  // cases reported finished, disabled ones included
  std::size_t restarts_ = 0;  // test processes that died mid-batch
  bool stopping_ = false;
};

RunSummary RunLoop::run(const std::vector<std::size_t>& disabled) {
  const std::size_t selected = scheduler_.remaining() + disabled.size();
  for (std::size_t index : disabled) record(result_without_running(index, Outcome::skipped, 0, 0, "disabled"));
  while (start_work())
    for (const ExecutorEvent& event : executor_.wait()) on_event(event);
  fixtures_.finish();
  summary_.not_run = selected - finished_;
  summary_.duration = executor_.now();
  reporter_.run_finished(summary_);
  return summary_;
}

// Gives every idle worker a batch; once nothing runs and no parallel work is
// left, it is the serial cases' turn. False: nothing runs, the run is over.
bool RunLoop::start_work() {
  fill_idle_workers();
  return anything_runs() || start_serial_batch();
}

void RunLoop::fill_idle_workers() {
  for (int worker = 0; worker < scheduler_.worker_count(); ++worker)
    if (!busy_[static_cast<std::size_t>(worker)]) start_parallel_batch(worker);
}

// A batch whose fixture failed does not start, so these take batches until
// one does; the failed cases may stop the run, and then nothing more starts.
bool RunLoop::start_parallel_batch(int worker) {
  while (!stopping_) {
    std::optional<Batch> batch = scheduler_.next_batch(worker);
    if (!batch) return false;
    if (launch(*batch)) return true;
  }
  return false;
}

bool RunLoop::start_serial_batch() {
  while (!stopping_) {
    std::optional<Batch> serial = scheduler_.next_serial_batch();
    if (!serial) return false;
    if (launch(*serial)) return true;
  }
  return false;
}

// Starts a batch once its fixtures are set up; a batch whose fixture
// failed does not run: its cases fail with the setup's reason.
bool RunLoop::launch(Batch& batch) {
  const std::string fixture_failure = fixtures_.prepare(batch);
  if (fixture_failure.empty()) {
    busy_[static_cast<std::size_t>(batch.worker)] = true;
    reporter_.batch_started(batch, executor_.now());
    executor_.start(batch);
    return true;
  }
  for (std::size_t index : batch.cases)
    finish_case(result_without_running(index, Outcome::failed, batch.worker, executor_.now(), fixture_failure));
  return false;
}

void RunLoop::on_event(const ExecutorEvent& event) {
  std::visit(Overloaded{
                 [this](const CaseStarted& started) { on_case_started(started); },
                 [this](const CaseFinished& finished) { on_case_finished(finished); },
                 [this](const BatchFinished& finished) { on_batch_finished(finished); },
                 [this](const Interrupted& interrupted) { on_interrupted(interrupted); },
                 [this](const Tick& tick) { reporter_.tick(tick.at); },
             },
             event);
}

void RunLoop::on_case_started(const CaseStarted& started) {
  reporter_.case_started(manifest_.cases[started.case_index], started.worker);
}

void RunLoop::on_case_finished(const CaseFinished& finished) {
  const CaseResult& result = finished.result;
  scheduler_.observe(result.case_index, result.stop - result.start);
  finish_case(result);
}

// A process that died mid-batch counts towards --max-worker-restart; the
// cases it never began go back to the same worker, unless the run stops.
void RunLoop::on_batch_finished(const BatchFinished& finished) {
  busy_[static_cast<std::size_t>(finished.worker)] = false;
  reporter_.batch_finished(finished, executor_.now());
  if (finished.process_died && ++restarts_ > options_.max_worker_restart && !stopping_)
    stop(std::to_string(restarts_) + " test processes died, more than --max-worker-restart " +
             std::to_string(options_.max_worker_restart) + " allows",
         SIGTERM);
  if (!stopping_ && !finished.not_started.empty()) scheduler_.requeue(finished.worker, finished.not_started);
}

void RunLoop::on_interrupted(const Interrupted& interrupted) {
  if (summary_.interrupted) {
    executor_.stop_all(SIGKILL, 0);  // a second Ctrl-C: no more grace
    return;
  }
  summary_.interrupted = true;
  stop(interrupted.signal == SIGINT ? "interrupted (SIGINT)" : "interrupted (SIGTERM)", interrupted.signal);
}

// Every case that will not run again ends here, whether its process
// reported it or a fixture failed it, so both count towards --maxfail.
void RunLoop::finish_case(const CaseResult& result) {
  record(result);
  fixtures_.done(result.case_index);
  const std::size_t failures = summary_.failures();
  if (!stopping_ && options_.maxfail > 0 && failures >= options_.maxfail)
    stop("stopping after " + std::to_string(failures) + " failure" + (failures == 1 ? "" : "s"), SIGTERM);
}

void RunLoop::record(const CaseResult& result) {
  summary_.count(result.outcome);
  ++finished_;
  reporter_.case_finished(manifest_.cases[result.case_index], result);
}

// Stops everything that runs. A later call (an interrupt after -x) sends
// its own signal and reason over the earlier one's.
void RunLoop::stop(std::string reason, int signal) {
  stopping_ = true;
  summary_.stop_reason = std::move(reason);
  executor_.stop_all(signal, options_.stop_grace);
}

}  // namespace

RunSummary run_tests(const Manifest& manifest, Scheduler& scheduler, Executor& executor,
                     Reporter& reporter, const std::vector<std::size_t>& disabled,
                     const RunLoopOptions& options) {
  return RunLoop(manifest, scheduler, executor, reporter, options).run(disabled);
}

}  // namespace ptest
