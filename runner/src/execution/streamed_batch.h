// A batch of cases that one process runs one after another, telling of each
// in its output: what GoogleTest, Catch2 and doctest batches have in common.
// The framework gives the arguments that choose the cases and the parser of
// its output; this class turns what the parser reads into executor events.
// A process that dies mid-batch fails the case it was running and leaves
// the cases it never began to run again elsewhere; one that ran none of its
// cases fails them all, since starting it again would do the same.
//
// Under a LAUNCHER (valgrind --error-exitcode=1, a sanitizer's wrapper) the
// process's exit status judges the case too, and only a process of one case
// can say which case it judges: such a batch runs its first case and leaves
// the rest to run after it, each in a process of its own; a case that
// passed in a process that then exits non-zero fails.
//
// A process that exits before its framework finished (premature_exit.h;
// GoogleTest's batches say they follow that protocol) fails its last case
// as crashed, so that case's result is held until the next case starts or
// the process ends.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "execution/batch_protocol.h"
#include "execution/case_stream_parser.h"

namespace ptest {

// The names of `cases` (indices into the manifest), as filters take them.
std::vector<std::string> case_names(const Manifest& manifest, const std::vector<std::size_t>& cases);

class StreamedBatch : public BatchProtocol, private CaseStreamParser::Listener {
 public:
  // The framework's arguments that choose the batch's cases (indices into
  // the manifest); the target's own arguments follow them.
  using Filter = std::function<std::vector<std::string>(const std::vector<std::size_t>& cases)>;

  StreamedBatch(const Manifest& manifest, Batch batch, std::unique_ptr<CaseStreamParser> parser,
                const Filter& filter);

  std::vector<std::string> arguments() const override;
  void started(double now, ExecutorEvents& events) override;
  void output(std::string_view data, double now, ExecutorEvents& events) override;
  double deadline() const override { return deadline_; }
  void ended(int wait_status, bool timed_out, double now, ExecutorEvents& events) override;
  void exited_prematurely() override { exited_prematurely_ = true; }

 private:
  void case_started(const std::string& name) override;
  void case_finished(const std::string& name, Outcome outcome, double reported_seconds,
                     std::string output) override;

  // Whether a finished case waits for what comes after it (held_).
  bool holds_results() const { return exit_judges_case_ || reports_premature_exit(); }
  void release_held(ExecutorEvents& events);
  void finish_held_case(int wait_status, bool premature, ExecutorEvents& events);

  const Manifest& manifest_;
  Batch batch_;  // under a launcher, only its first case
  std::vector<std::size_t> left_for_later_;  // under a launcher, the others
  bool exit_judges_case_ = false;
  // The last finished case, not yet reported: under a launcher until the
  // exit is known; with premature exits until the next case starts.
  std::optional<CaseResult> held_;
  bool exited_prematurely_ = false;
  std::unique_ptr<CaseStreamParser> parser_;
  std::vector<std::string> filter_;
  std::unordered_map<std::string_view, std::size_t> by_name_;  // case name (the manifest's) -> position in batch
  std::vector<bool> started_;                              // by position in batch
  bool any_started_ = false;
  std::optional<std::size_t> current_;  // the running case, an index into Manifest::cases
  double current_start_ = 0;
  double last_stop_ = 0;
  double deadline_ = 0;
  // For the parser's callbacks, during output().
  double now_ = 0;
  ExecutorEvents* events_ = nullptr;
};

}  // namespace ptest
