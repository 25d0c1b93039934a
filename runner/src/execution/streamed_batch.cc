#include "execution/streamed_batch.h"

#include <sys/wait.h>

#include <algorithm>

#include "execution/premature_exit.h"
#include "process/process.h"

namespace ptest {

namespace {

// GoogleTest prints whole milliseconds, truncated; Catch2 and doctest print
// finer counts, which a millisecond above bounds as well.
constexpr double kReportedResolution = 0.001;

// "the test process was killed by SIGSEGV (...)", "the test process exited with status 0".
std::string process_ended(int wait_status) {
  return std::string("the test process ") + (WIFSIGNALED(wait_status) ? "was " : "") +
         describe_wait_status(wait_status);
}

// Why a case crashed when its process left before its framework finished.
std::string premature_exit_message(int wait_status) {
  return std::string(kPrematureExitMessage) + " (" + process_ended(wait_status) + ")";
}

}  // namespace

std::vector<std::string> case_names(const Manifest& manifest, const std::vector<std::size_t>& cases) {
  std::vector<std::string> names;
  names.reserve(cases.size());
  for (std::size_t index : cases) names.push_back(manifest.cases[index].name);
  return names;
}

StreamedBatch::StreamedBatch(const Manifest& manifest, Batch batch, std::unique_ptr<CaseStreamParser> parser,
                             const Filter& filter)
    : manifest_(manifest),
      batch_(std::move(batch)),
      exit_judges_case_(!manifest.targets.at(batch_.target).launcher.empty()),
      parser_(std::move(parser)) {
  if (exit_judges_case_ && batch_.cases.size() > 1) {
    left_for_later_.assign(batch_.cases.begin() + 1, batch_.cases.end());
    batch_.cases.resize(1);
  }
  started_.assign(batch_.cases.size(), false);
  for (std::size_t position = 0; position < batch_.cases.size(); ++position)
    by_name_.emplace(manifest_.cases[batch_.cases[position]].name, position);
  filter_ = filter(batch_.cases);
}

std::vector<std::string> StreamedBatch::arguments() const {
  std::vector<std::string> arguments = filter_;
  const Target& target = manifest_.targets.at(batch_.target);
  arguments.insert(arguments.end(), target.arguments.begin(), target.arguments.end());
  return arguments;
}

void StreamedBatch::started(double, ExecutorEvents&) {}  // its cases start when the output says so

void StreamedBatch::output(std::string_view data, double now, ExecutorEvents& events) {
  now_ = now;
  events_ = &events;
  parser_->feed(data, *this);
  events_ = nullptr;
}

void StreamedBatch::case_started(const std::string& name) {
  auto it = by_name_.find(name);
  if (it == by_name_.end()) return;  // not one of ours: cannot happen with an exact filter
  const std::size_t index = batch_.cases[it->second];
  release_held(*events_);
  current_ = index;
  started_[it->second] = true;
  any_started_ = true;
  // Several lines can arrive in one read, and so share one timestamp: a
  // case starts no earlier than the one before it stopped, so a worker's
  // cases never overlap in the report.
  current_start_ = std::max(now_, last_stop_);
  const double timeout = manifest_.cases[index].timeout;
  deadline_ = timeout > 0 ? current_start_ + timeout : 0;
  events_->push_back(CaseStarted{batch_.worker, index});
}

void StreamedBatch::case_finished(const std::string& /*name*/, Outcome outcome, double reported_seconds,
                               std::string output) {
  if (!current_) return;
  CaseResult result;
  result.case_index = *current_;
  result.outcome = outcome;
  result.worker = batch_.worker;
  result.start = current_start_;
  // Two lines read in one chunk carry one timestamp: the framework's own
  // count is then the better measure. Lines read in two chunks are as far apart as the runner's reads, which
  // can be milliseconds while the case took microseconds: the framework's
  // count (GoogleTest's truncates to whole milliseconds) bounds the
  // duration from above too, so a suite of trivial cases is not remembered
  // as a long one.
  double stop = std::max(now_, current_start_ + std::max(0.0, reported_seconds));
  if (reported_seconds >= 0) stop = std::min(stop, current_start_ + reported_seconds + kReportedResolution);
  result.stop = last_stop_ = stop;
  result.output = std::move(output);
  // Catch2 and doctest catch the signal and report it before dying of it.
  if (outcome == Outcome::crashed) result.message = "the test framework caught a fatal signal in the case";
  if (holds_results())
    held_ = std::move(result);
  else
    events_->push_back(CaseFinished{std::move(result)});
  current_.reset();
  deadline_ = 0;
}

void StreamedBatch::release_held(ExecutorEvents& events) {
  if (held_) events.push_back(CaseFinished{std::move(*held_)});
  held_.reset();
}

// A last case after which the process exited prematurely crashed, and one
// that passed in a process that exits non-zero (or dies) under a launcher
// fails: the launcher found what the framework did not (valgrind's leaks at exit).
void StreamedBatch::finish_held_case(int wait_status, bool premature, ExecutorEvents& events) {
  CaseResult& result = *held_;
  const bool clean_exit = WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == 0;
  if (premature) {
    result.outcome = Outcome::crashed;
    result.message = premature_exit_message(wait_status);
  } else if (exit_judges_case_ && result.outcome == Outcome::passed && !clean_exit) {
    result.outcome = WIFSIGNALED(wait_status) ? Outcome::crashed : Outcome::failed;
    result.message = process_ended(wait_status) + " after the case passed (under its LAUNCHER)";
    result.output += parser_->stray_output();
  }
  release_held(events);
}

void StreamedBatch::ended(int wait_status, bool timed_out, double now, ExecutorEvents& events) {
  const bool crashed = WIFSIGNALED(wait_status);
  // A signal or a timeout says more than the file a killed process leaves.
  const bool premature = exited_prematurely_ && WIFEXITED(wait_status) && !timed_out;
  if (held_) finish_held_case(wait_status, premature && !current_, events);
  if (current_)
    events.push_back(CaseFinished{ended_case_result(
        manifest_, *current_, batch_.worker, current_start_, now, parser_->running_output(), timed_out,
        crashed || premature ? Outcome::crashed : Outcome::failed,
        premature ? premature_exit_message(wait_status)
                  : process_ended(wait_status) + (crashed ? "" : " before the case finished (premature exit)"))});
  std::vector<std::size_t> not_started;
  for (std::size_t position = 0; position < batch_.cases.size(); ++position)
    if (!started_[position]) not_started.push_back(batch_.cases[position]);
  if (!not_started.empty() && !any_started_) {
    // The process ran none of its cases: starting it again would do the same.
    const std::string why = process_ended(wait_status) + " without running this case";
    for (std::size_t index : not_started) {
      CaseResult result =
          result_without_running(index, crashed ? Outcome::crashed : Outcome::failed, batch_.worker, now, why);
      result.output = parser_->stray_output();
      events.push_back(CaseFinished{std::move(result)});
    }
    not_started.clear();
  }
  not_started.insert(not_started.end(), left_for_later_.begin(), left_for_later_.end());
  events.push_back(BatchFinished{batch_.worker, std::move(not_started), current_.has_value() || premature});
}

}  // namespace ptest
