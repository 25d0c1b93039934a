// Boolean expressions over names, as pytest's -m and -k take them:
//
//   expr    := or_expr
//   or_expr := and_expr ("or" and_expr)*
//   and_expr:= not_expr ("and" not_expr)*
//   not_expr:= "not" not_expr | "(" or_expr ")" | NAME
//
// A NAME is any run of characters other than white space and parentheses, so
// "-k bin0::Area0Test.Case/3" works. What a NAME means is up to the caller:
// the expression only combines the answers of a predicate.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/errors.h"

namespace ptest {

class ExpressionError : public UserError {
 public:
  ExpressionError(const std::string& what, int column)
      : UserError(what), column_(column) {}
  int column() const { return column_; }  // 1-based

 private:
  int column_;
};

class Expression {
 public:
  // Throws ExpressionError naming the column and the offending token.
  static Expression parse(std::string_view text);

  bool evaluate(const std::function<bool(const std::string&)>& name_matches) const;

  // Every NAME the expression mentions, in order of appearance.
  const std::vector<std::string>& names() const { return names_; }

  struct Node;

 private:
  std::shared_ptr<const Node> root_;
  std::vector<std::string> names_;
};

}  // namespace ptest
