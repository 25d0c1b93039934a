#include "plan/expression.h"

#include <cctype>

namespace ptest {

struct Expression::Node {
  enum class Kind { name, negation, conjunction, disjunction } kind;
  std::string name;
  std::shared_ptr<const Node> left, right;
};

namespace {

using Node = Expression::Node;
using NodePtr = std::shared_ptr<const Node>;

struct Token {
  enum class Kind { name, and_op, or_op, not_op, open, close, end } kind;
  std::string text;
  int column;  // 1-based
};

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = text[i];
    if (std::isspace(c)) {
      ++i;
      continue;
    }
    const int column = static_cast<int>(i) + 1;
    if (c == '(' || c == ')') {
      tokens.push_back({c == '(' ? Token::Kind::open : Token::Kind::close, std::string(1, c), column});
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) &&
           text[end] != '(' && text[end] != ')')
      ++end;
    std::string word(text.substr(i, end - i));
    Token::Kind kind = Token::Kind::name;
    if (word == "and") kind = Token::Kind::and_op;
    else if (word == "or") kind = Token::Kind::or_op;
    else if (word == "not") kind = Token::Kind::not_op;
    tokens.push_back({kind, std::move(word), column});
    i = end;
  }
  tokens.push_back({Token::Kind::end, "", static_cast<int>(text.size()) + 1});
  return tokens;
}

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  NodePtr parse_all(std::vector<std::string>& names) {
    names_ = &names;
    NodePtr root = parse_or();
    if (peek().kind != Token::Kind::end) fail("expected 'and', 'or' or the end");
    return root;
  }

 private:
  const Token& peek() const { return tokens_[position_]; }
  const Token& take() { return tokens_[position_++]; }

  [[noreturn]] void fail(const std::string& expected) const {
    const Token& token = peek();
    const std::string got =
        token.kind == Token::Kind::end ? "end of input" : "'" + token.text + "'";
    throw ExpressionError("at column " + std::to_string(token.column) + ": " + expected +
                              ", got " + got,
                          token.column);
  }

  static NodePtr make(Node::Kind kind, NodePtr left, NodePtr right = nullptr) {
    return std::make_shared<const Node>(Node{kind, {}, std::move(left), std::move(right)});
  }

  NodePtr parse_or() {
    NodePtr node = parse_and();
    while (peek().kind == Token::Kind::or_op) {
      take();
      node = make(Node::Kind::disjunction, node, parse_and());
    }
    return node;
  }

  NodePtr parse_and() {
    NodePtr node = parse_not();
    while (peek().kind == Token::Kind::and_op) {
      take();
      node = make(Node::Kind::conjunction, node, parse_not());
    }
    return node;
  }

  NodePtr parse_not() {
    switch (peek().kind) {
      case Token::Kind::not_op:
        take();
        return make(Node::Kind::negation, parse_not());
      case Token::Kind::open: {
        take();
        NodePtr inner = parse_or();
        if (peek().kind != Token::Kind::close) fail("expected ')'");
        take();
        return inner;
      }
      case Token::Kind::name: {
        const Token& token = take();
        names_->push_back(token.text);
        return std::make_shared<const Node>(Node{Node::Kind::name, token.text, nullptr, nullptr});
      }
      default:
        fail("expected a name, 'not' or '('");
    }
  }

  std::vector<Token> tokens_;
  std::size_t position_ = 0;
  std::vector<std::string>* names_ = nullptr;
};

bool evaluate_node(const Node& node, const std::function<bool(const std::string&)>& matches) {
  switch (node.kind) {
    case Node::Kind::name: return matches(node.name);
    case Node::Kind::negation: return !evaluate_node(*node.left, matches);
    case Node::Kind::conjunction:
      return evaluate_node(*node.left, matches) && evaluate_node(*node.right, matches);
    case Node::Kind::disjunction:
      return evaluate_node(*node.left, matches) || evaluate_node(*node.right, matches);
  }
  return false;
}

}  // namespace

Expression Expression::parse(std::string_view text) {
  Expression expression;
  expression.root_ = Parser(tokenize(text)).parse_all(expression.names_);
  return expression;
}

bool Expression::evaluate(const std::function<bool(const std::string&)>& name_matches) const {
  return evaluate_node(*root_, name_matches);
}

}  // namespace ptest
