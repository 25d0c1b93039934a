#include "execution/process_executor.h"

#include <signal.h>

#include <algorithm>
#include <stdexcept>
#include <variant>

#include "execution/case_environment.h"
#include "execution/premature_exit.h"
#include "model/model.h"

namespace ptest {

ProcessExecutor::ProcessExecutor(const Manifest& manifest, ProcessExecutorOptions options)
    : manifest_(manifest),
      gtest_filter_(manifest),
      options_(std::move(options)),
      epoch_(std::chrono::steady_clock::now()),
      slots_(static_cast<std::size_t>(std::max(1, options_.worker_count))),
      next_tick_(options_.tick_period),
      leak_detector_(options_.leaks) {}

ProcessExecutor::~ProcessExecutor() = default;

double ProcessExecutor::now() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - epoch_).count();
}

void ProcessExecutor::start(const Batch& batch) {
  const auto worker = static_cast<std::size_t>(batch.worker);
  const Target& target = manifest_.targets.at(batch.target);
  std::unique_ptr<BatchProtocol> protocol = make_batch_protocol(manifest_, gtest_filter_, batch, options_.output_limit);
  Command command;
  command.argv = target.launcher;
  command.argv.push_back(target.executable);
  for (std::string& argument : protocol->arguments()) command.argv.push_back(std::move(argument));
  if (options_.gtest_random_seed && target.framework == Framework::gtest) {
    command.argv.push_back("--gtest_shuffle");
    command.argv.push_back("--gtest_random_seed=" + std::to_string(*options_.gtest_random_seed));
  }
  const std::string tmpdir = worker < options_.worker_tmpdirs.size() ? options_.worker_tmpdirs[worker] : std::string();
  command.environment = case_environment(options_.base_environment, target, batch.environment,
                                         {batch.worker, options_.worker_count, options_.testrun_uid, tmpdir});
  command.working_directory = target.working_directory;
  Slot& slot = slots_.at(worker);
  slot.premature_exit_file.clear();
  if (protocol->reports_premature_exit() && !tmpdir.empty()) {
    slot.premature_exit_file = premature_exit_file(tmpdir);
    take_premature_exit_file(slot.premature_exit_file);  // one a killed process left
    command.environment.push_back(std::string(kPrematureExitVariable) + "=" + slot.premature_exit_file);
  }
  try {
    slot.child = processes_.start(command);
  } catch (const ProcessError& error) {
    // Nothing ran: every case of the batch fails with the reason, and the
    // worker is free again at once.
    for (std::size_t index : batch.cases)
      pending_.push_back(CaseFinished{result_without_running(index, Outcome::failed, batch.worker, now(), error.what())});
    pending_.push_back(BatchFinished{batch.worker, {}, false});
    return;
  }
  slot.state = BatchState::running;
  slot.kill_at = 0;
  slot.protocol = std::move(protocol);
  slot.protocol->started(now(), pending_);
}

std::vector<ExecutorEvent> ProcessExecutor::wait() {
  while (pending_.empty() && !(wake_at_ > 0 && now() >= wake_at_)) {
    for (ProcessEvent& event : processes_.wait(next_deadline())) handle(event);
    enforce_deadlines();
    // Due even while other workers keep reporting: a long case among quick
    // ones must still be announced as slow.
    if (options_.tick_period > 0 && now() >= next_tick_) {
      next_tick_ = now() + options_.tick_period;
      pending_.push_back(Tick{now()});
    }
  }
  wake_at_ = 0;
  std::vector<ExecutorEvent> events;
  events.swap(pending_);
  return events;
}

void ProcessExecutor::handle(ProcessEvent& event) {
  if (auto* output = std::get_if<ChildOutput>(&event))
    slots_[worker_of(output->child)].protocol->output(output->data, now(), pending_);
  else if (auto* exited = std::get_if<ChildExited>(&event))
    finish(worker_of(exited->child), exited->wait_status);
  else if (auto* interrupt = std::get_if<InterruptReceived>(&event))
    pending_.push_back(Interrupted{interrupt->signal});
}

void ProcessExecutor::finish(std::size_t worker, int wait_status) {
  Slot& slot = slots_[worker];
  const std::unique_ptr<BatchProtocol> protocol = std::move(slot.protocol);
  const bool premature = !slot.premature_exit_file.empty() && take_premature_exit_file(slot.premature_exit_file);
  const std::size_t first_event = pending_.size();
  switch (slot.state) {
    case BatchState::stopping:  // the cases it was running are not reported
      pending_.push_back(BatchFinished{static_cast<int>(worker), {}, false});
      break;
    case BatchState::running:
    case BatchState::timed_out:
      if (premature) protocol->exited_prematurely();
      protocol->ended(wait_status, slot.state == BatchState::timed_out, now(), pending_);
      break;
  }
  const int worker_number = static_cast<int>(worker);
  leak_detector_.attach(leak_detector_.collect(worker_number, processes_.pids()), worker_number, pending_, first_event);
}

void ProcessExecutor::enforce_deadlines() {
  const double time = now();
  for (Slot& slot : slots_) {
    if (!slot.protocol) continue;
    const double deadline = slot.protocol->deadline();
    if (slot.state == BatchState::running && deadline > 0 && time >= deadline) {
      slot.state = BatchState::timed_out;
      processes_.signal(slot.child, SIGKILL);
    }
    if (slot.state == BatchState::stopping && slot.kill_at > 0 && time >= slot.kill_at) {
      slot.kill_at = 0;
      processes_.signal(slot.child, SIGKILL);  // the grace after stop_all() is over
    }
  }
}

ProcessSet::Clock::time_point ProcessExecutor::next_deadline() const {
  double next = 0;
  for (const Slot& slot : slots_) {
    if (!slot.protocol) continue;
    const double at = slot.state == BatchState::running ? slot.protocol->deadline()
                      : slot.state == BatchState::stopping ? slot.kill_at
                                                           : 0;
    if (at > 0 && (next == 0 || at < next)) next = at;
  }
  if (wake_at_ > 0 && (next == 0 || wake_at_ < next)) next = wake_at_;
  if (options_.tick_period > 0 && (next == 0 || next_tick_ < next)) next = next_tick_;
  if (next == 0) return ProcessSet::Clock::time_point::max();
  return epoch_ + std::chrono::duration_cast<ProcessSet::Clock::duration>(std::chrono::duration<double>(next));
}

std::size_t ProcessExecutor::worker_of(ChildId child) const {
  for (std::size_t worker = 0; worker < slots_.size(); ++worker)
    if (slots_[worker].protocol && slots_[worker].child == child) return worker;
  throw std::logic_error("an event of a process no batch runs");
}

void ProcessExecutor::stop_all(int signal, double grace) {
  const double kill_at = now() + grace;
  for (Slot& slot : slots_) {
    if (!slot.protocol) continue;
    slot.state = BatchState::stopping;
    processes_.signal(slot.child, signal);
    if (signal != SIGKILL && (slot.kill_at == 0 || kill_at < slot.kill_at)) slot.kill_at = kill_at;
  }
}

}  // namespace ptest
