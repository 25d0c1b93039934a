// What the next run says of a run that was killed: the journals
// (reports/journal_writer.h) in <build>/ptest/journal/, one per run, named
// by its testrun uid. A journal that no run holds locked and that has no
// RunFinished line is a run that died: the next run says "the last run was
// interrupted; N cases did not run" once, and keeps the journal as
// <build>/ptest/interrupted.jsonl, where the ids of the cases it did not
// finish can be read (for a --lf that picks them up).
#pragma once

#include <string>

namespace ptest {

// <build>/ptest/journal/<testrun_uid>.jsonl, beside the manifest; makes the directory.
std::string journal_path(const std::string& manifest_path, const std::string& testrun_uid);

// <build>/ptest/interrupted.jsonl.
std::string interrupted_journal_path(const std::string& manifest_path);

// Reports the runs that died, as above, and clears their journals out.
void report_interrupted_runs(const std::string& manifest_path);

}  // namespace ptest
