// JSON string literals written by hand, for the writers that build their
// text directly because building JSON trees for 20,000 entries costs more
// than the rest of their work (the history, the report log's hot lines).
#pragma once

#include <string>
#include <string_view>

namespace ptest {

// Appends `text` as a quoted JSON string: quotes, backslashes and control
// characters escaped, other bytes as they are (the text is taken to be UTF-8).
void append_json_string(std::string& out, std::string_view text);

// Appends `number` to six significant digits, as printf's %.6g writes it,
// without printf's cost (20,000 of these a run): durations in seconds.
void append_json_number(std::string& out, double number);

}  // namespace ptest
