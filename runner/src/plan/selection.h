// Which cases a run takes: -m marker expression, -k keyword expression and
// positional id globs, all of which must agree.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/model.h"
#include "plan/expression.h"

namespace ptest {

struct SelectionOptions {
  std::string marker_expression;   // -m; empty: any markers
  std::string keyword_expression;  // -k; empty: any id
  std::vector<std::string> id_patterns;  // positional globs on ids; empty: all
};

class Selection {
 public:
  // Throws ExpressionError, prefixed with the flag whose expression is bad.
  explicit Selection(const SelectionOptions& options);

  bool matches(const TestCase& test_case) const;

  // The marker names the -m expression mentions.
  std::vector<std::string> marker_names() const;

  // Indices into manifest.cases of the selected cases, in manifest order.
  std::vector<std::size_t> apply(const Manifest& manifest) const;

 private:
  std::optional<Expression> markers_;
  std::optional<Expression> keywords_;
  std::vector<std::string> id_patterns_;
};

}  // namespace ptest
