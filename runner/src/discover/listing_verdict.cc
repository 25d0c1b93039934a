#include "discover/listing_verdict.h"

namespace ptest {

ListingVerdict judge_listing(const ListingAttempt& attempt) {
  ListingVerdict verdict;
  if (!attempt.ran) {
    verdict.kind = ListingVerdict::Kind::plain;
    verdict.what = "it does not contain GoogleTest";
    return verdict;
  }
  if (attempt.timed_out) {
    verdict.what = "did not finish within DISCOVERY_TIMEOUT";
    return verdict;
  }
  if (attempt.killed_by_signal) {
    verdict.what = attempt.ended;
    return verdict;
  }
  if (!attempt.listing) {
    verdict.kind = ListingVerdict::Kind::plain;
    verdict.what = "it " + attempt.ended + " and wrote no GoogleTest listing";
    return verdict;
  }
  try {
    verdict.cases = parse_gtest_listing(*attempt.listing);
  } catch (const ListingError& error) {
    verdict.kind = ListingVerdict::Kind::plain;
    verdict.what = "it " + attempt.ended + " and wrote a file that is not a GoogleTest listing (" + error.what() + ")";
    return verdict;
  }
  if (!attempt.exited_zero) {
    verdict.what = attempt.ended + " after writing its listing";
    return verdict;
  }
  verdict.kind = ListingVerdict::Kind::gtest;
  return verdict;
}

ListingVerdict judge_framework_listing(const TestFramework& framework, Framework which,
                                       const std::vector<ListingAttempt>& attempts) {
  ListingVerdict verdict;
  std::vector<ListingOutput> outputs;
  for (const ListingAttempt& attempt : attempts) {
    if (attempt.timed_out) {
      verdict.what = "did not finish within DISCOVERY_TIMEOUT";
      return verdict;
    }
    if (attempt.killed_by_signal || (!attempt.exited_zero && !framework.listing_may_exit_nonzero())) {
      verdict.what = attempt.ended;
      return verdict;
    }
    outputs.push_back(ListingOutput{attempt.output, attempt.listing});
  }
  const std::string not_one = std::string("it is not a ") + framework_name(which) + " test binary: ";
  try {
    verdict.cases = framework.parse_listing(outputs);
  } catch (const ListingError& error) {
    verdict.what = not_one + "its listing " + error.what();
    return verdict;
  }
  if (const std::string problem = framework.filter_problem(verdict.cases); !problem.empty()) {
    verdict.what = problem + " (a filter cannot choose it alone; rename the case)";
    return verdict;
  }
  verdict.kind = ListingVerdict::Kind::gtest;
  return verdict;
}

}  // namespace ptest
