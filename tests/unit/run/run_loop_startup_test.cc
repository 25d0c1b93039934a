// The run loop tells the scheduler what each binary's processes cost to
// start: the time from a batch's start to its first case's start.
#include <gtest/gtest.h>

#include "run/run_loop.h"
#include "test_support/builders.h"
#include "test_support/fake_executor.h"
#include "test_support/recording_reporter.h"

using namespace ptest;
using namespace ptest::testing;

TEST(RunLoopStartup, EachBatchsStartUpReachesTheScheduler) {
  const Manifest manifest = numbered_cases(6);
  SchedulerOptions options = scheduler_options(DistMode::no, 1);
  options.max_batch_name_bytes = 20;  // a few cases a batch, so several processes start
  Scheduler scheduler(manifest.cases, all_indices(manifest), options);
  FakeExecutor executor(manifest);
  executor.startup = 0.25;
  RecordingReporter recorder;
  run_tests(manifest, scheduler, executor, recorder, {}, {});
  ASSERT_GE(executor.started.size(), 2u);
  EXPECT_DOUBLE_EQ(scheduler.startup_cost(0), 0.25);
}
