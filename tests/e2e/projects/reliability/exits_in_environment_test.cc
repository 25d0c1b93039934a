// _exit(0) in a global environment's TearDown, after the only case passed.
#include <gtest/gtest.h>
#include <unistd.h>

namespace {

class ExitingEnvironment : public ::testing::Environment {
 public:
  void TearDown() override { ::_exit(0); }
};

const auto* const environment = ::testing::AddGlobalTestEnvironment(new ExitingEnvironment);

}  // namespace

TEST(Environment, Passes) {}
