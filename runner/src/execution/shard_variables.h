// Shard variables stop at the runner: it shards across machines itself, and a
// test process that saw them would shard again (a GoogleTest binary that
// sees GTEST_TOTAL_SHARDS runs only its share of its batch, and the cases it
// drops are never reported).
#pragma once

#include <string>
#include <vector>

namespace ptest {

// `environment` ("NAME=VALUE" entries) without any of shard_variable_names().
std::vector<std::string> without_shard_variables(std::vector<std::string> environment);

}  // namespace ptest
