#include "reports/process_log.h"

#include <gtest/gtest.h>

using namespace ptest;

namespace {

Batch batch_of(int worker, std::vector<std::size_t> cases) {
  Batch batch;
  batch.worker = worker;
  batch.cases = std::move(cases);
  return batch;
}

}  // namespace

TEST(ProcessLog, EachProcessKeepsTheCasesInTheOrderTheyStartedAndWhatNeverStarted) {
  ProcessLog log;
  log.batch_started(batch_of(0, {1, 2, 3}), 0.5);
  log.batch_started(batch_of(1, {4}), 0.6);
  log.case_started(3, 0);  // GoogleTest's own order, not the batch's
  log.case_started(4, 1);
  log.case_started(1, 0);
  log.batch_finished(BatchFinished{0, {2}, true});
  log.batch_finished(BatchFinished{1, {}, false});
  log.batch_started(batch_of(0, {2}), 1.0);
  log.case_started(2, 0);
  log.batch_finished(BatchFinished{0, {}, false});
  log.case_started(9, 0);  // no process runs on gw0: ignored
  const std::vector<ProcessRecord>& processes = log.processes();
  ASSERT_EQ(processes.size(), 3u);
  EXPECT_EQ(processes[0].cases, (std::vector<std::size_t>{3, 1}));
  EXPECT_EQ(processes[0].not_started, (std::vector<std::size_t>{2}));
  EXPECT_DOUBLE_EQ(processes[0].start, 0.5);
  EXPECT_EQ(processes[1].worker, 1);
  EXPECT_EQ(processes[1].cases, (std::vector<std::size_t>{4}));
  EXPECT_EQ(processes[2].cases, (std::vector<std::size_t>{2}));
  EXPECT_TRUE(processes[2].not_started.empty());
}
