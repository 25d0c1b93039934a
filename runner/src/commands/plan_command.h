// `ptest plan --shards N -o FILE [--manifest M] [--history H] [--dist MODE]
// [-m EXPR] [-k EXPR] [PATTERN...]`: splits the selection into N shards once,
// in one CI job, and writes the plan for the shard jobs' `--shard K/N --plan FILE`.
#pragma once

#include <string>
#include <vector>

namespace ptest {

// `arguments` excludes "plan". Returns the exit status; errors are printed.
int plan_command(const std::vector<std::string>& arguments);

}  // namespace ptest
