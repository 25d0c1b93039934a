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

}  // namespace ptest
