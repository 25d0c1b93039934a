// libFuzzer target: a JSON report given to `ptest merge` must be read into a
// ReportFile or rejected with a UserError, never crash, and whatever is
// read must go through every step of the merge (verification, merged JSON,
// JUnit XML, history) without crashing. The report is merged with itself
// too, so that the verification sees a case run twice.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "formats/report_file.h"
#include "model/errors.h"
#include "reports/merged_reports.h"
#include "reports/shard_verification.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const ptest::ReportFile report = ptest::parse_report(text, "fuzz.json");
    for (const std::vector<ptest::ReportFile>& reports :
         {std::vector<ptest::ReportFile>{report}, std::vector<ptest::ReportFile>{report, report}}) {
      ptest::verify_shards(reports);
      ptest::different_plans(reports);
      ptest::render_merged_json(reports);
      ptest::render_merged_junit(reports);
      ptest::merged_history(reports);
    }
  } catch (const ptest::UserError&) {
  }
  return 0;
}
