#include "run/run_loop.h"

#include <signal.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <variant>

#include "plan/rerun_queue.h"
#include "run/fixture_tracker.h"
#include "run/reported_fixture_host.h"

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
        reported_fixtures_(options.fixtures, reporter, executor),
        fixtures_(manifest, scheduler.all_cases(), options.fixtures ? &reported_fixtures_ : nullptr),
        reruns_(manifest.cases),
        busy_(static_cast<std::size_t>(scheduler.worker_count()), false),
        starting_(busy_.size()) {}

  RunSummary run(const std::vector<std::size_t>& disabled);

 private:
  bool start_work();
  void fill_idle_workers();
  bool start_parallel_batch(int worker);
  bool start_serial_batch();
  bool start_serial_rerun();
  void wake_for_reruns();
  bool launch(Batch& batch);

  void on_event(const ExecutorEvent& event);
  void on_case_started(const CaseStarted& started);
  void on_case_finished(const CaseFinished& finished);
  void on_batch_finished(const BatchFinished& finished);
  void on_interrupted(const Interrupted& interrupted);

  bool rerun_if_allowed(const CaseResult& result);
  void finish_case(CaseResult result);
  void record(const CaseResult& result);
  void stop(std::string reason, int signal);
  bool anything_runs() const { return std::find(busy_.begin(), busy_.end(), true) != busy_.end(); }

  const Manifest& manifest_;
  Scheduler& scheduler_;
  Executor& executor_;
  Reporter& reporter_;
  const RunLoopOptions& options_;
  ReportedFixtureHost reported_fixtures_;  // options_.fixtures, with reporter events around each command
  FixtureTracker fixtures_;
  RerunQueue reruns_;
  std::map<std::size_t, std::vector<CaseResult>> failed_attempts_;  // by case, of those that ran again
  std::vector<bool> busy_;  // by worker: a batch of it runs
  // By worker: a batch whose first case has not finished yet, and when it
  // started. That case's start tells its binary's start-up cost.
  struct Starting {
    std::optional<std::size_t> target;
    double at = 0;
    bool case_started = false;  // a case of it started: not a process that died first
  };
  std::vector<Starting> starting_;
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
  // Stopped before their reruns: the last failed attempt is the result.
  for (std::size_t index : reruns_.take_all()) {
    CaseResult last = std::move(failed_attempts_[index].back());
    failed_attempts_[index].pop_back();
    finish_case(std::move(last));
  }
  fixtures_.finish();
  summary_.not_run = selected - finished_;
  summary_.duration = executor_.now();
  reporter_.run_finished(summary_);
  return summary_;
}

// Gives every idle worker a batch, a waiting rerun first; once nothing runs
// and no parallel work or rerun is left, it is the serial cases' turn
// (their reruns before the next of them). False: nothing runs, the run is over.
bool RunLoop::start_work() {
  fill_idle_workers();
  if (anything_runs()) {
    wake_for_reruns();
    return true;
  }
  if (stopping_) return false;
  if (start_serial_rerun()) return true;
  if (!reruns_.empty()) {  // their delay has not passed yet
    wake_for_reruns();
    return true;
  }
  return start_serial_batch();
}

// An idle worker takes a rerun when its delay has passed, not at the next
// event, which may be a long case's end.
void RunLoop::wake_for_reruns() {
  if (const std::optional<double> at = reruns_.next_ready_at(executor_.now())) executor_.wake_at(*at);
}

void RunLoop::fill_idle_workers() {
  for (int worker = 0; worker < scheduler_.worker_count(); ++worker)
    if (!busy_[static_cast<std::size_t>(worker)]) start_parallel_batch(worker);
}

// A batch whose fixture failed does not start, so these take batches until
// one does; the failed cases may stop the run, and then nothing more starts.
bool RunLoop::start_parallel_batch(int worker) {
  while (!stopping_) {
    std::optional<Batch> batch = reruns_.next_parallel(worker, executor_.now());
    if (!batch) batch = scheduler_.next_batch(worker);
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

bool RunLoop::start_serial_rerun() {
  std::optional<Batch> rerun = reruns_.next_serial(executor_.now());
  return rerun && launch(*rerun);
}

// Starts a batch once its fixtures are set up; a batch whose fixture
// failed does not run: its cases fail with the setup's reason.
bool RunLoop::launch(Batch& batch) {
  const std::string fixture_failure = fixtures_.prepare(batch);
  if (fixture_failure.empty()) {
    busy_[static_cast<std::size_t>(batch.worker)] = true;
    starting_[static_cast<std::size_t>(batch.worker)] = Starting{batch.target, executor_.now()};
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
  starting_[static_cast<std::size_t>(started.worker)].case_started = true;
  reporter_.case_started(manifest_.cases[started.case_index], started.worker);
}

void RunLoop::on_case_finished(const CaseFinished& finished) {
  const CaseResult& result = finished.result;
  scheduler_.observe(result.case_index, result.stop - result.start);
  Starting& starting = starting_[static_cast<std::size_t>(result.worker)];
  if (starting.target && starting.case_started) scheduler_.observe_startup(*starting.target, result.start - starting.at);
  starting.target.reset();
  if (!rerun_if_allowed(result)) finish_case(result);
}

// A failed attempt of a case with reruns left runs again, unless the run
// stops; until its last attempt, it neither counts nor is reported.
bool RunLoop::rerun_if_allowed(const CaseResult& result) {
  if (stopping_ || !is_failure(result.outcome)) return false;
  std::vector<CaseResult>& attempts = failed_attempts_[result.case_index];
  if (attempts.size() >= static_cast<std::size_t>(std::max(0, manifest_.cases[result.case_index].reruns))) return false;
  attempts.push_back(result);
  reruns_.add(result.case_index, result.worker, executor_.now() + options_.reruns_delay);
  return true;
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
// reported it or a fixture failed it, so both count towards --maxfail. A
// case that failed before and passes now is flaky.
void RunLoop::finish_case(CaseResult result) {
  if (auto it = failed_attempts_.find(result.case_index); it != failed_attempts_.end()) {
    result.earlier_attempts = std::move(it->second);
    failed_attempts_.erase(it);
    if (result.outcome == Outcome::passed && !result.earlier_attempts.empty()) result.outcome = Outcome::flaky;
  }
  record(result);
  fixtures_.done(result.case_index);
  const std::size_t failures = summary_.failures();
  if (!stopping_ && options_.maxfail > 0 && failures >= options_.maxfail)
    stop("stopping after " + std::to_string(failures) + " failure" + (failures == 1 ? "" : "s"), SIGTERM);
}

void RunLoop::record(const CaseResult& result) {
  summary_.count(result.outcome);
  summary_.leaked += result.leaks.size();
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
