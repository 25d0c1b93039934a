#include "discover/listing_verdict.h"

#include <gtest/gtest.h>

using namespace ptest;

namespace {

constexpr const char* kListing = R"({"testsuites": [{"name": "Cart", "testsuite": [{"name": "Adds", "file": "cart.cc", "line": 3}]}]})";

ListingAttempt exited(bool zero, std::optional<std::string> listing) {
  ListingAttempt attempt;
  attempt.exited_zero = zero;
  attempt.ended = zero ? "exited with status 0" : "exited with status 2";
  attempt.listing = std::move(listing);
  return attempt;
}

}  // namespace

TEST(ListingVerdict, AGoogleTestListingGivesItsCases) {
  const ListingVerdict verdict = judge_listing(exited(true, kListing));
  EXPECT_EQ(verdict.kind, ListingVerdict::Kind::gtest);
  ASSERT_EQ(verdict.cases.size(), 1u);
  EXPECT_EQ(verdict.cases[0].name, "Cart.Adds");
}

TEST(ListingVerdict, ABinaryThatExitsWithoutAListingIsPlain) {
  for (const bool zero : {true, false}) {
    const ListingVerdict verdict = judge_listing(exited(zero, std::nullopt));
    EXPECT_EQ(verdict.kind, ListingVerdict::Kind::plain);
    EXPECT_EQ(verdict.what, std::string("it ") + (zero ? "exited with status 0" : "exited with status 2") +
                                " and wrote no GoogleTest listing");
  }
}

TEST(ListingVerdict, ABinaryNotRunBecauseItHoldsNoGoogleTestIsPlain) {
  ListingAttempt attempt;
  attempt.ran = false;
  const ListingVerdict verdict = judge_listing(attempt);
  EXPECT_EQ(verdict.kind, ListingVerdict::Kind::plain);
  EXPECT_EQ(verdict.what, "it does not contain GoogleTest");
}

TEST(ListingVerdict, AFileThatIsNotGoogleTestsListingMeansPlain) {
  const ListingVerdict verdict = judge_listing(exited(true, std::string("results: 3 ok\n")));
  EXPECT_EQ(verdict.kind, ListingVerdict::Kind::plain);
  EXPECT_NE(verdict.what.find("wrote a file that is not a GoogleTest listing"), std::string::npos) << verdict.what;
}

TEST(ListingVerdict, ACrashWhileListingStaysAnError) {
  ListingAttempt attempt = exited(false, std::nullopt);
  attempt.killed_by_signal = true;
  attempt.ended = "killed by SIGSEGV (Segmentation fault)";
  const ListingVerdict verdict = judge_listing(attempt);
  EXPECT_EQ(verdict.kind, ListingVerdict::Kind::failed);
  EXPECT_EQ(verdict.what, "killed by SIGSEGV (Segmentation fault)");
}

TEST(ListingVerdict, AHangWhileListingStaysAnError) {
  ListingAttempt attempt = exited(false, std::nullopt);
  attempt.timed_out = true;
  const ListingVerdict verdict = judge_listing(attempt);
  EXPECT_EQ(verdict.kind, ListingVerdict::Kind::failed);
  EXPECT_EQ(verdict.what, "did not finish within DISCOVERY_TIMEOUT");
}

TEST(ListingVerdict, AListingFollowedByAFailureStaysAnError) {
  const ListingVerdict verdict = judge_listing(exited(false, kListing));
  EXPECT_EQ(verdict.kind, ListingVerdict::Kind::failed);
  EXPECT_EQ(verdict.what, "exited with status 2 after writing its listing");
}

namespace {

ListingAttempt printed(std::string output, bool exited_zero = true) {
  ListingAttempt attempt;
  attempt.exited_zero = exited_zero;
  attempt.ended = exited_zero ? "exited with status 0" : "exited with status 3";
  attempt.output = std::move(output);
  return attempt;
}

const char* kDoctestListing =
    "<doctest binary=\"d\">\n  <TestCase name=\"a\" filename=\"d.cc\" line=\"2\" skipped=\"false\"/>\n</doctest>\n";

}  // namespace

TEST(ListingVerdict, ADeclaredFrameworksListingGivesItsCases) {
  const ListingVerdict verdict =
      judge_framework_listing(*test_framework(Framework::doctest), Framework::doctest, {printed(kDoctestListing)});
  EXPECT_EQ(verdict.kind, ListingVerdict::Kind::gtest);
  ASSERT_EQ(verdict.cases.size(), 1u);
  EXPECT_EQ(verdict.cases[0].name, "a");
}

// Never plain: the project said what the binary is, or its bytes did.
TEST(ListingVerdict, ABinaryThatIsNotOfTheDeclaredFrameworkFails) {
  const TestFramework& doctest = *test_framework(Framework::doctest);
  const ListingVerdict garbage = judge_framework_listing(doctest, Framework::doctest, {printed("usage: t\n")});
  EXPECT_EQ(garbage.kind, ListingVerdict::Kind::failed);
  EXPECT_NE(garbage.what.find("it is not a doctest test binary"), std::string::npos) << garbage.what;
  EXPECT_EQ(judge_framework_listing(doctest, Framework::doctest, {printed(kDoctestListing, false)}).kind,
            ListingVerdict::Kind::failed);
}

// Catch2 2 exits with the number of cases it listed.
TEST(ListingVerdict, Catch2MayExitNonZeroAfterListing) {
  const ListingVerdict verdict = judge_framework_listing(
      *test_framework(Framework::catch2), Framework::catch2,
      {printed("one\n", false), printed("Matching test cases:\n  one\n    a.cc:3\n    (NO DESCRIPTION)\n", false)});
  EXPECT_EQ(verdict.kind, ListingVerdict::Kind::gtest) << verdict.what;
}

TEST(ListingVerdict, ACaseNoFilterCanChooseAloneFails) {
  const ListingVerdict verdict = judge_framework_listing(
      *test_framework(Framework::catch2), Framework::catch2,
      {printed("Same\nsame\n"),
       printed("Matching test cases:\n  Same\n    a.cc:3\n    (NO DESCRIPTION)\n  same\n    a.cc:4\n    x\n")});
  EXPECT_EQ(verdict.kind, ListingVerdict::Kind::failed);
  EXPECT_NE(verdict.what.find("regardless of case"), std::string::npos) << verdict.what;
}

// FRAMEWORK gtest: no plain fallback, the listing file must be there.
TEST(ListingVerdict, DeclaredGoogleTestMustWriteItsListing) {
  const TestFramework& gtest = *test_framework(Framework::gtest);
  EXPECT_EQ(judge_framework_listing(gtest, Framework::gtest, {printed("usage: t\n")}).kind,
            ListingVerdict::Kind::failed);
  ListingAttempt listed = printed("");
  listed.listing = kListing;
  const ListingVerdict verdict = judge_framework_listing(gtest, Framework::gtest, {listed});
  EXPECT_EQ(verdict.kind, ListingVerdict::Kind::gtest) << verdict.what;
  ASSERT_EQ(verdict.cases.size(), 1u);
  EXPECT_EQ(verdict.cases[0].name, "Cart.Adds");
}
