#include "execution/plain_batch.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include "test_support/builders.h"

using namespace ptest;
using namespace ptest::testing;

namespace {

Outcome outcome_of(int skip_return_code, int wait_status) {
  Manifest manifest = make_manifest(1, {make_case("check", "check")});
  manifest.targets[0].framework = Framework::plain;
  manifest.targets[0].skip_return_code = skip_return_code;
  PlainBatch batch(manifest, Batch{0, 0, {0}, {}}, 1024);
  ExecutorEvents events;
  batch.started(0, events);
  batch.ended(wait_status, false, 1, events);
  return std::get<CaseFinished>(events.at(1)).result.outcome;
}

TEST(PlainBatch, TheExitStatusIsTheOutcomeAndSkipReturnCodeSkips) {
  EXPECT_EQ(outcome_of(0, W_EXITCODE(0, 0)), Outcome::passed);
  EXPECT_EQ(outcome_of(0, W_EXITCODE(77, 0)), Outcome::failed);
  EXPECT_EQ(outcome_of(77, W_EXITCODE(77, 0)), Outcome::skipped);
  EXPECT_EQ(outcome_of(77, W_EXITCODE(1, 0)), Outcome::failed);
  EXPECT_EQ(outcome_of(77, SIGSEGV), Outcome::crashed);
}

}  // namespace
