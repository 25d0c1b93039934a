// What the next run says of a run that was killed: the journals
// (reports/journal_writer.h) in <build>/ptest/journal/, one per run, named
// by its testrun uid. A journal that no run holds locked and that has no
// RunFinished line is a run that died: the next run says "the last run was
// interrupted; N cases did not run" once, and keeps the journal as
// <build>/ptest/interrupted.jsonl, where the ids of the cases it did not
// finish can be read. A killed run writes no last-run file, so what it did
// not finish is handed back to take that file's place (for --lf and --ff).
#pragma once

#include <optional>
#include <string>

#include "formats/last_run.h"

namespace ptest {

// <build>/ptest/journal/<testrun_uid>.jsonl, beside the manifest; makes the directory.
std::string journal_path(const std::string& manifest_path, const std::string& testrun_uid);

// <build>/ptest/interrupted.jsonl.
std::string interrupted_journal_path(const std::string& manifest_path);

// Reports the runs that died, as above, and clears their journals out.
// Returns what they leave for the next run as their last-run file would
// have said it (the cases they selected and did not finish, each once, and
// the uid of the last one found); empty when no run died.
std::optional<LastRun> report_interrupted_runs(const std::string& manifest_path);

}  // namespace ptest
