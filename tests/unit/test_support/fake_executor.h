// An Executor that runs nothing: each started batch plays out at a later
// wait(), case by case, one second of the fake clock each, with the outcome
// scripted per case name. It records what the run loop asked of it.
#pragma once

#include <algorithm>
#include <csignal>
#include <deque>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "run/executor.h"
#include "test_support/fake_clock.h"

namespace ptest::testing {

class FakeExecutor : public Executor {
 public:
  explicit FakeExecutor(const Manifest& manifest) : manifest_(manifest) {}

  // The script, by case name ("S.T1"). A case in `crash_once` crashes the
  // first time and ends its batch there, leaving the rest not started; one
  // in `crash_always` does so every time. A case in `fail_times` fails that
  // many times, then passes.
  std::map<std::string, Outcome> outcomes;
  std::set<std::string> crash_once;
  std::set<std::string> crash_always;
  std::map<std::string, int> fail_times;
  int interrupts_at_first_wait = 0;  // SIGINTs the first wait() reports, before any case
  double startup = 0;                // fake seconds each process takes before its first case
  int ticks_at_first_wait = 0;       // Ticks the first wait() reports, before any case

  // What happened.
  std::vector<Batch> started;
  int stop_calls = 0;
  std::vector<int> stop_signals;
  double last_grace = -1;
  int max_running = 0;
  int running_when_serial_started = -1;  // batches running when one with a serial case started
  std::vector<double> wake_requests;     // wake_at()'s times, in order

  FakeClock clock;

  void start(const Batch& batch) override {
    for (std::size_t index : batch.cases) {
      const std::vector<std::string>& markers = manifest_.cases[index].markers;
      if (std::find(markers.begin(), markers.end(), kSerialMarker) != markers.end())
        running_when_serial_started = static_cast<int>(running_.size());
    }
    started.push_back(batch);
    running_.push_back(batch);
    max_running = std::max(max_running, static_cast<int>(running_.size()));
  }

  std::vector<ExecutorEvent> wait() override {
    std::vector<ExecutorEvent> events;
    if (running_.empty() && pending_stops_.empty() && wake_at_ > clock.now()) {
      clock.advance(wake_at_ - clock.now());  // nothing runs: time passes to the wake-up
      wake_at_ = 0;
      return events;
    }
    if (!pending_stops_.empty()) {
      for (int worker : pending_stops_) events.push_back(BatchFinished{worker, {}});
      pending_stops_.clear();
      return events;
    }
    if (ticks_at_first_wait > 0) {
      for (; ticks_at_first_wait > 0; --ticks_at_first_wait) events.push_back(Tick{clock.now()});
      return events;
    }
    if (interrupts_at_first_wait > 0) {
      for (; interrupts_at_first_wait > 0; --interrupts_at_first_wait) events.push_back(Interrupted{SIGINT});
      return events;
    }
    const Batch batch = running_.front();
    running_.pop_front();
    play(batch, events);
    return events;
  }

  void stop_all(int signal, double grace) override {
    ++stop_calls;
    stop_signals.push_back(signal);
    last_grace = grace;
    // Stopped batches report nothing more than their end.
    for (const Batch& batch : running_) pending_stops_.push_back(batch.worker);
    running_.clear();
  }

  double now() const override { return clock.now(); }
  void wake_at(double at) override {
    wake_at_ = at;
    wake_requests.push_back(at);
  }

 private:
  void play(const Batch& batch, std::vector<ExecutorEvent>& events) {
    std::vector<std::size_t> not_started;
    bool ended = false;
    clock.advance(startup);
    for (std::size_t index : batch.cases) {
      if (ended) {
        not_started.push_back(index);
        continue;
      }
      const std::string& name = manifest_.cases[index].name;
      events.push_back(CaseStarted{batch.worker, index});
      CaseResult result;
      result.case_index = index;
      result.worker = batch.worker;
      result.start = clock.now();
      clock.advance(1);
      result.stop = clock.now();
      result.outcome = outcomes.count(name) ? outcomes[name] : Outcome::passed;
      if (auto it = fail_times.find(name); it != fail_times.end() && it->second > 0) {
        --it->second;
        result.outcome = Outcome::failed;
      }
      if (crash_once.erase(name) || crash_always.count(name)) {
        result.outcome = Outcome::crashed;
        ended = true;
      }
      events.push_back(CaseFinished{result});
    }
    events.push_back(BatchFinished{batch.worker, not_started, ended});
  }

  const Manifest& manifest_;
  std::deque<Batch> running_;
  std::vector<int> pending_stops_;
  double wake_at_ = 0;
};

}  // namespace ptest::testing
