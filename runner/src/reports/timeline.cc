#include "reports/timeline.h"

namespace ptest {

void Timeline::run_started(const RunStart& start) {
  workers_.assign(static_cast<std::size_t>(start.workers > 0 ? start.workers : 0), {});
}

std::vector<ProcessSlice>& Timeline::slices_of(int worker) {
  const auto index = static_cast<std::size_t>(worker < 0 ? 0 : worker);
  if (index >= workers_.size()) workers_.resize(index + 1);
  return workers_[index];
}

void Timeline::batch_started(const Batch& batch, double at) {
  ProcessSlice slice;
  slice.target = batch.target;
  slice.start = at;
  slice.stolen_from = batch.stolen_from;
  slices_of(batch.worker).push_back(std::move(slice));
}

// A result belongs to its worker's process if one runs; a case decided
// without running (disabled, its fixture failed) belongs to none.
// The output stays with the reports that show it: a timeline of 20,000
// cases need not hold what each printed.
void Timeline::case_finished(const TestCase&, const CaseResult& result) {
  CaseResult kept;
  kept.case_index = result.case_index;
  kept.outcome = result.outcome;
  kept.worker = result.worker;
  kept.start = result.start;
  kept.stop = result.stop;
  kept.message = result.message;
  results_.push_back(std::move(kept));
  std::vector<ProcessSlice>& slices = slices_of(result.worker);
  if (!slices.empty() && slices.back().stop < 0) slices.back().results.push_back(results_.size() - 1);
}

void Timeline::batch_finished(const BatchFinished& finished, double at) {
  std::vector<ProcessSlice>& slices = slices_of(finished.worker);
  if (slices.empty() || slices.back().stop >= 0) return;
  slices.back().stop = at;
  slices.back().died = finished.process_died;
}

void Timeline::fixture_started(const FixtureRun& fixture, double at) {
  fixtures_.push_back(FixtureSlice{fixture.name, fixture.phase, false, at, -1});
}

// Fixture commands run one at a time: this one ends the last one started.
void Timeline::fixture_finished(const FixtureRun& fixture, double at) {
  if (fixtures_.empty() || fixtures_.back().stop >= 0) return;
  fixtures_.back().failed = fixture.failed;
  fixtures_.back().stop = at;
}

}  // namespace ptest
