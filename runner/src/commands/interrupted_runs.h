// What the next run says of a run that was killed: the journals
// (reports/journal_writer.h) in <build>/ptest/journal/, one per run, named
// by its testrun uid. A journal that no run holds locked and that has no
// RunFinished line is a run that died: the next run says "the last run was
// interrupted; N cases did not run" once, and keeps the journal as
// <build>/ptest/interrupted.jsonl, where the ids of the cases it did not
// finish can be read. A killed run writes no last-run file, so those cases
// are also handed back: for --lf and --ff, which choose before the run
// starts, and for the last-run file the run then writes.
#pragma once

#include <string>
#include <vector>

namespace ptest {

// <build>/ptest/journal/<testrun_uid>.jsonl, beside the manifest; makes the directory.
std::string journal_path(const std::string& manifest_path, const std::string& testrun_uid);

// <build>/ptest/interrupted.jsonl.
std::string interrupted_journal_path(const std::string& manifest_path);

// The cases the runs that died selected and did not finish, or finished
// failed (their journals say so; a killed run writes no last-run file),
// each once, in their order: what --lf owes them. Only reads: the run that
// starts tells of them.
std::vector<std::string> cases_killed_runs_owe(const std::string& manifest_path);

// Reports the runs that died, as above, clears their journals out, and
// returns their cases_killed_runs_owe().
std::vector<std::string> report_interrupted_runs(const std::string& manifest_path);

}  // namespace ptest
