#include "execution/process_executor.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <map>
#include <thread>
#include <unordered_map>

#include "execution/gtest_output_parser.h"
#include "execution/process.h"
#include "execution/worker_env.h"
#include "model/model.h"

namespace ptest {

namespace {

// The self-pipe: signal handlers may only write a byte; wait() reads it.
int g_signal_pipe[2] = {-1, -1};

void on_signal(int signal) {
  const int saved = errno;
  const unsigned char byte = static_cast<unsigned char>(signal);
  [[maybe_unused]] ssize_t ignored = ::write(g_signal_pipe[1], &byte, 1);
  errno = saved;
}

constexpr int kHandledSignals[] = {SIGCHLD, SIGINT, SIGTERM};

void install_signal_handlers() {
  if (::pipe2(g_signal_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
    throw ProcessError(std::string("cannot create the signal pipe: ") + std::strerror(errno));
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART | SA_NOCLDSTOP;
  for (int signal : kHandledSignals) ::sigaction(signal, &action, nullptr);
  ::signal(SIGPIPE, SIG_IGN);
}

void restore_signal_handlers() {
  for (int signal : kHandledSignals) ::signal(signal, SIG_DFL);
  for (int& fd : g_signal_pipe) {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
}

std::string join_filter(const Manifest& manifest, const std::vector<std::size_t>& cases) {
  std::string filter = "--gtest_filter=";
  for (std::size_t i = 0; i < cases.size(); ++i) {
    if (i) filter += ':';
    filter += manifest.cases[cases[i]].name;
  }
  return filter;
}

// "the test process was killed by SIGSEGV (...)", "the test process exited with status 0".
std::string process_ended(int wait_status) {
  return std::string("the test process ") + (WIFSIGNALED(wait_status) ? "was " : "") +
         describe_wait_status(wait_status);
}

}  // namespace

struct ProcessExecutor::Slot : GtestOutputParser::Listener {
  Slot(ProcessExecutor& owner, Batch batch_, std::size_t output_limit)
      : executor(owner), batch(std::move(batch_)), parser(output_limit) {
    for (std::size_t position = 0; position < batch.cases.size(); ++position)
      by_name.emplace(owner.manifest_.cases[batch.cases[position]].name, position);
    started.assign(batch.cases.size(), false);
  }

  void case_started(const std::string& name) override {
    auto it = by_name.find(name);
    if (it == by_name.end()) return;  // not one of ours: cannot happen with an exact filter
    const std::size_t index = batch.cases[it->second];
    current = index;
    started[it->second] = true;
    any_started = true;
    // Several lines can arrive in one read, and so share one timestamp: a
    // case starts no earlier than the one before it stopped, so a worker's
    // cases never overlap in the report.
    current_start = std::max(executor.now(), last_stop);
    const double timeout = executor.manifest_.cases[index].timeout;
    deadline = timeout > 0 ? current_start + timeout : 0;
    executor.pending_.push_back(CaseStarted{batch.worker, index});
  }

  void case_finished(const std::string& /*name*/, Outcome outcome, double reported_seconds,
                     std::string output) override {
    if (!current) return;
    CaseResult result;
    result.case_index = *current;
    result.outcome = outcome;
    result.worker = batch.worker;
    result.start = current_start;
    // Two lines read in one chunk carry one timestamp: GoogleTest's own
    // millisecond count is then the better measure.
    result.stop = last_stop = std::max(executor.now(), current_start + reported_seconds);
    result.output = std::move(output);
    executor.pending_.push_back(CaseFinished{std::move(result)});
    current.reset();
    deadline = 0;
  }

  ProcessExecutor& executor;
  Batch batch;
  GtestOutputParser parser;
  std::unordered_map<std::string, std::size_t> by_name;  // case name -> position in batch
  Child child;
  std::vector<bool> started;  // by position in batch
  bool any_started = false;
  std::optional<std::size_t> current;
  double current_start = 0;
  double last_stop = 0;
  double deadline = 0;       // the running case's timeout; 0: none
  double kill_deadline = 0;  // after stop_all(): when SIGKILL follows; 0: none
  bool output_open = true;
  bool exited = false;
  int wait_status = 0;
  bool timed_out = false;
  bool stopped = false;
};

std::vector<std::string> case_environment(const std::vector<std::string>& base, const Target& target,
                                          const std::vector<std::pair<std::string, std::string>>& fixtures,
                                          int worker, int worker_count, const std::string& testrun_uid,
                                          const std::string& tmpdir) {
  std::map<std::string, std::string> variables;
  for (const std::string& entry : base) {
    const auto equals = entry.find('=');
    if (equals != std::string::npos) variables[entry.substr(0, equals)] = entry.substr(equals + 1);
  }
  for (const auto& [name, value] : target.environment) variables[name] = value;
  for (const auto& [name, value] : fixtures) variables[name] = value;
  for (const auto& [name, value] : worker_variables({worker, worker_count, testrun_uid, tmpdir}))
    variables[name] = value;
  // The output parser reads plain "[ RUN      ]" lines: no colour codes, no brief mode.
  variables["GTEST_COLOR"] = "no";
  variables["GTEST_BRIEF"] = "0";
  variables.erase("GTEST_FILTER");
  std::vector<std::string> environment;
  environment.reserve(variables.size());
  for (const auto& [name, value] : variables) environment.push_back(name + "=" + value);
  return environment;
}

ProcessExecutor::ProcessExecutor(const Manifest& manifest, ProcessExecutorOptions options)
    : manifest_(manifest),
      options_(std::move(options)),
      epoch_(std::chrono::steady_clock::now()),
      slots_(static_cast<std::size_t>(std::max(1, options_.worker_count))) {
  install_signal_handlers();
}

ProcessExecutor::~ProcessExecutor() {
  for (auto& slot : slots_) {
    if (!slot) continue;
    kill_group(slot->child.pid, SIGKILL);
    if (!slot->exited) ::waitpid(slot->child.pid, nullptr, 0);
    if (slot->output_open) ::close(slot->child.output_fd);
  }
  restore_signal_handlers();
}

double ProcessExecutor::now() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - epoch_).count();
}

void ProcessExecutor::start(const Batch& batch) {
  auto slot = std::make_unique<Slot>(*this, batch, options_.output_limit);
  const Target& target = manifest_.targets.at(batch.target);
  Command command;
  command.argv.push_back(target.executable);
  command.argv.push_back(join_filter(manifest_, batch.cases));
  command.argv.insert(command.argv.end(), target.arguments.begin(), target.arguments.end());
  const auto worker = static_cast<std::size_t>(batch.worker);
  command.environment = case_environment(
      options_.base_environment, target, batch.environment, batch.worker, options_.worker_count,
      options_.testrun_uid, worker < options_.worker_tmpdirs.size() ? options_.worker_tmpdirs[worker] : std::string());
  command.working_directory = target.working_directory;
  try {
    slot->child = spawn(command);
  } catch (const ProcessError& error) {
    // Nothing ran: every case of the batch fails with the reason, and the
    // worker is free again at once.
    for (std::size_t index : batch.cases)
      pending_.push_back(CaseFinished{result_without_running(index, Outcome::failed, batch.worker, now(), error.what())});
    pending_.push_back(BatchFinished{batch.worker, {}, false});
    return;
  }
  slots_.at(worker) = std::move(slot);
}

std::vector<ExecutorEvent> ProcessExecutor::wait() {
  while (pending_.empty()) poll_once();
  std::vector<ExecutorEvent> events;
  events.swap(pending_);
  return events;
}

void ProcessExecutor::poll_once() {
  // GoogleTest flushes every line, so a batch of trivial cases writes tens
  // of thousands of tiny chunks. Waking for each one makes the runner and
  // the test processes take turns on the CPUs, which on a 2-core machine
  // can make a run several times slower. Waking at most once a millisecond
  // lets output gather; it costs at most a millisecond of latency.
  const double since_wakeup = now() - last_wakeup_;
  if (since_wakeup < kMinimumWakeupInterval)
    std::this_thread::sleep_for(std::chrono::duration<double>(kMinimumWakeupInterval - since_wakeup));

  std::vector<pollfd> fds{{g_signal_pipe[0], POLLIN, 0}};
  std::vector<Slot*> polled;
  double next_deadline = 0;
  for (auto& slot : slots_) {
    if (!slot) continue;
    if (slot->output_open) {
      fds.push_back({slot->child.output_fd, POLLIN, 0});
      polled.push_back(slot.get());
    }
    for (const double at : {slot->timed_out || slot->stopped ? 0 : slot->deadline, slot->kill_deadline})
      if (at > 0 && (next_deadline == 0 || at < next_deadline)) next_deadline = at;
  }
  int timeout_ms = -1;
  if (next_deadline > 0)
    timeout_ms = static_cast<int>(std::ceil(std::max(0.0, next_deadline - now()) * 1000));
  const int ready = ::poll(fds.data(), fds.size(), timeout_ms);
  if (ready < 0 && errno != EINTR) throw ProcessError(std::string("poll failed: ") + std::strerror(errno));
  last_wakeup_ = now();

  for (std::size_t i = 1; i < fds.size(); ++i)
    if (fds[i].revents) read_output(*polled[i - 1], false);
  if (fds[0].revents) handle_signals();
  check_timeouts();
  for (auto& slot : slots_)
    if (slot && slot->exited) {
      finish(*slot);
      slot.reset();
    }
}

void ProcessExecutor::handle_signals() {
  unsigned char signals[64];
  ssize_t n;
  while ((n = ::read(g_signal_pipe[0], signals, sizeof signals)) > 0) {
    for (ssize_t i = 0; i < n; ++i)
      if (signals[i] == SIGINT || signals[i] == SIGTERM) pending_.push_back(Interrupted{signals[i]});
  }
  // Every child is ours: reap whatever has ended.
  int status = 0;
  pid_t pid;
  while ((pid = ::waitpid(-1, &status, WNOHANG)) > 0) {
    for (auto& slot : slots_)
      if (slot && slot->child.pid == pid) {
        slot->exited = true;
        slot->wait_status = status;
      }
  }
}

void ProcessExecutor::read_output(Slot& slot, bool until_end) {
  std::string chunk;
  // A bounded number of chunks per call keeps one chatty case from starving the others.
  for (int reads = 0; until_end || reads < 16; ++reads) {
    const ReadStatus status = read_chunk(slot.child.output_fd, chunk);
    if (status == ReadStatus::data) {
      slot.parser.feed(chunk, slot);
      continue;
    }
    if (status == ReadStatus::end) {
      ::close(slot.child.output_fd);
      slot.output_open = false;
    }
    return;
  }
}

void ProcessExecutor::check_timeouts() {
  const double time = now();
  for (auto& slot : slots_) {
    if (!slot) continue;
    if (slot->deadline > 0 && !slot->timed_out && !slot->stopped && time >= slot->deadline) {
      slot->timed_out = true;
      kill_group(slot->child.pid, SIGKILL);
    }
    if (slot->kill_deadline > 0 && time >= slot->kill_deadline) {
      slot->kill_deadline = 0;
      kill_group(slot->child.pid, SIGKILL);  // the grace after stop_all() is over
    }
  }
}

void ProcessExecutor::finish(Slot& slot) {
  // What the process wrote before it ended is in the pipe; then end any
  // process it left behind holding the pipe open.
  if (slot.output_open) read_output(slot, true);
  kill_group(slot.child.pid, SIGKILL);
  if (slot.output_open) {
    ::close(slot.child.output_fd);
    slot.output_open = false;
  }
  if (slot.stopped) {
    pending_.push_back(BatchFinished{slot.batch.worker, {}, false});
    return;
  }
  const bool crashed = WIFSIGNALED(slot.wait_status);
  if (slot.current) {
    CaseResult result;
    result.case_index = *slot.current;
    result.worker = slot.batch.worker;
    result.start = slot.current_start;
    result.stop = now();
    result.output = slot.parser.running_output();
    if (slot.timed_out) {
      result.outcome = Outcome::timeout;
      char seconds[32];
      std::snprintf(seconds, sizeof seconds, "%g", manifest_.cases[*slot.current].timeout);
      result.message = std::string("timed out after ") + seconds + "s; its process group was killed";
    } else {
      result.outcome = crashed ? Outcome::crashed : Outcome::failed;
      result.message = process_ended(slot.wait_status) +
                       (crashed ? "" : " before the case finished (premature exit)");
    }
    pending_.push_back(CaseFinished{std::move(result)});
  }
  std::vector<std::size_t> not_started;
  for (std::size_t position = 0; position < slot.batch.cases.size(); ++position)
    if (!slot.started[position]) not_started.push_back(slot.batch.cases[position]);
  if (!not_started.empty() && !slot.any_started) {
    // The process ran none of its cases: starting it again would do the same.
    const std::string why = process_ended(slot.wait_status) + " without running this case";
    for (std::size_t index : not_started) {
      CaseResult result = result_without_running(index, crashed ? Outcome::crashed : Outcome::failed,
                                                 slot.batch.worker, now(), why);
      result.output = slot.parser.stray_output();
      pending_.push_back(CaseFinished{std::move(result)});
    }
    not_started.clear();
  }
  pending_.push_back(BatchFinished{slot.batch.worker, std::move(not_started), slot.current.has_value()});
}

void ProcessExecutor::stop_all(int signal, double grace) {
  const double kill_at = now() + grace;
  for (auto& slot : slots_)
    if (slot && !slot->exited) {
      slot->stopped = true;
      kill_group(slot->child.pid, signal);
      if (signal != SIGKILL && (slot->kill_deadline == 0 || kill_at < slot->kill_deadline))
        slot->kill_deadline = kill_at;
    }
}

}  // namespace ptest
