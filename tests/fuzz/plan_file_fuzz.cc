// libFuzzer target: the shard plan reader (`ptest run --plan`) must turn any
// bytes into a plan or a UserError, never crash; what it accepts must
// survive a round trip through the writer unchanged.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "formats/plan_file.h"
#include "model/errors.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const ptest::PlanFile plan = ptest::parse_plan(text, "fuzz.json");
    const ptest::PlanFile again = ptest::parse_plan(ptest::plan_to_json(plan), "again.json");
    if (again.manifest_digest != plan.manifest_digest || again.digest != plan.digest || again.dist != plan.dist ||
        again.shard_ids != plan.shard_ids || again.estimated_seconds.size() != plan.estimated_seconds.size())
      std::abort();
  } catch (const ptest::UserError&) {
  }
  return 0;
}
