// Cursor, error reporting and the operator-precedence levels of the expression grammar.
#include "expr/python_parser.hpp"

#include <fmt/format.h>

namespace squall::front {

PythonParser::PythonParser(const ExprParseInput& in, std::vector<ExprToken> tokens, bool statements)
    : in_(in), tokens_(std::move(tokens)), last_end_(in.range.begin), statements_(statements) {}

const ExprToken& PythonParser::peek(std::size_t ahead) const {
  const std::size_t i = pos_ + ahead;
  return i < tokens_.size() ? tokens_[i] : tokens_.back();
}

const ExprToken& PythonParser::next() {
  const ExprToken& t = peek();
  if (pos_ + 1 < tokens_.size()) ++pos_;
  if (t.kind != Tok::Newline && t.kind != Tok::Indent && t.kind != Tok::Dedent &&
      t.kind != Tok::End) {
    last_end_ = t.range.end;
  }
  return t;
}

bool PythonParser::accept(Tok kind) {
  if (!at(kind)) return false;
  next();
  return true;
}

bool PythonParser::expect(Tok kind, const char* what) {
  if (accept(kind)) return true;
  error_expected(what);
  return false;
}

void PythonParser::error(SourceRange range, std::string message) {
  if (failed_) return;
  failed_ = true;
  in_.diags.error(in_.file, range, std::move(message));
}

namespace {

// Messages for tokens that start Python syntax outside the supported subset.
const char* unsupported_token(Tok kind) {
  switch (kind) {
    case Tok::Walrus:
      return "unsupported Python syntax: assignment expression ':='";
    case Tok::At:
      return "unsupported Python syntax: '@' operator";
    case Tok::AtEq:
      return "unsupported Python syntax: '@=' operator";
    case Tok::KwAwait:
      return "unsupported Python syntax: await";
    case Tok::KwYield:
      return "unsupported Python syntax: yield";
    case Tok::KwAsync:
      return "unsupported Python syntax: async";
    case Tok::Ellipsis:
      return "unsupported Python syntax: Ellipsis '...'";
    default:
      return nullptr;
  }
}

}  // namespace

void PythonParser::error_expected(const std::string& what) {
  const ExprToken& t = peek();
  if (const char* unsupported = unsupported_token(t.kind)) return error(t.range, unsupported);
  if (t.kind == Tok::Newline && !statements_) {
    return error(t.range, "line break outside brackets: Python ends the statement here");
  }
  if (t.kind == Tok::Indent) {
    const ExprToken& first = peek(1);
    return error({first.range.begin, first.range.end}, "unexpected indent");
  }
  error(t.range, fmt::format("expected {} but found {}", what, describe_token(t)));
}

bool PythonParser::expect_end() {
  if (at(Tok::End)) return true;
  error_expected("end of expression");
  return false;
}

namespace {

void report_too_deep(PythonParser& p) {
  p.error(p.peek().range,
          fmt::format("expression nested too deeply (more than {} levels)", kMaxExprDepth));
}

}  // namespace

PythonParser::DepthGuard::DepthGuard(PythonParser& p) : p_(p), ok_(++p.depth_ <= kMaxExprDepth) {
  if (!ok_) report_too_deep(p);
}

bool PythonParser::ChainGuard::wrap() {
  // The first node of a chain is the level the enclosing guard already counted (`(a + 1)`
  // nested 190 deep is 190 levels); each further one is a level of its own.
  if (!started_) return started_ = true;
  ++levels_;
  if (++p_.depth_ <= kMaxExprDepth) return true;
  report_too_deep(p_);
  return false;
}

// star_expressions: star_or_test (',' star_or_test)* [','], a tuple when a comma appears.
ExprPtr PythonParser::star_expressions() {
  const std::uint32_t begin = peek().range.begin;
  ExprPtr first = star_or_test();
  if (!first || !at(Tok::Comma)) return first;
  auto tuple = std::make_unique<SequenceExpr>(ExprKind::Tuple, SourceRange{});
  tuple->elements.push_back(std::move(first));
  while (accept(Tok::Comma)) {
    const Tok k = peek().kind;
    if (k == Tok::End || k == Tok::Newline || k == Tok::Semicolon || k == Tok::Assign ||
        k == Tok::RParen || k == Tok::Colon || (k >= Tok::PlusEq && k <= Tok::RShiftEq)) {
      break;
    }
    ExprPtr e = star_or_test();
    if (!e) return nullptr;
    tuple->elements.push_back(std::move(e));
  }
  tuple->range = span(begin, last_end_);
  return tuple;
}

ExprPtr PythonParser::star_or_test() {
  if (!at(Tok::Star)) return test();
  const std::uint32_t begin = next().range.begin;
  ExprPtr value = binary_level(0);
  if (!value) return nullptr;
  return std::make_unique<StarredExpr>(span(begin, last_end_), std::move(value));
}

// test: lambda | or_test ['if' or_test 'else' test]
ExprPtr PythonParser::test() {
  DepthGuard guard(*this);
  if (!guard.ok()) return nullptr;
  if (at(Tok::KwLambda)) return lambda();
  const std::uint32_t begin = peek().range.begin;
  ExprPtr body = or_test();
  if (!body || !at(Tok::KwIf)) return body;
  next();
  auto e = std::make_unique<IfExpExpr>(SourceRange{});
  e->body = std::move(body);
  if (!(e->test = or_test())) return nullptr;
  if (!expect(Tok::KwElse, "'else' in conditional expression")) return nullptr;
  if (!(e->orelse = test())) return nullptr;
  e->range = span(begin, last_end_);
  return e;
}

ExprPtr PythonParser::or_test() {
  const std::uint32_t begin = peek().range.begin;
  ExprPtr first = and_test();
  if (!first || !at(Tok::KwOr)) return first;
  auto e = std::make_unique<BoolOpExpr>(SourceRange{}, BoolOpKind::Or);
  e->values.push_back(std::move(first));
  while (accept(Tok::KwOr)) {
    ExprPtr v = and_test();
    if (!v) return nullptr;
    e->values.push_back(std::move(v));
  }
  e->range = span(begin, last_end_);
  return e;
}

ExprPtr PythonParser::and_test() {
  const std::uint32_t begin = peek().range.begin;
  ExprPtr first = not_test();
  if (!first || !at(Tok::KwAnd)) return first;
  auto e = std::make_unique<BoolOpExpr>(SourceRange{}, BoolOpKind::And);
  e->values.push_back(std::move(first));
  while (accept(Tok::KwAnd)) {
    ExprPtr v = not_test();
    if (!v) return nullptr;
    e->values.push_back(std::move(v));
  }
  e->range = span(begin, last_end_);
  return e;
}

ExprPtr PythonParser::not_test() {
  if (!at(Tok::KwNot)) return comparison();
  DepthGuard guard(*this);
  if (!guard.ok()) return nullptr;
  const std::uint32_t begin = next().range.begin;
  ExprPtr operand = not_test();
  if (!operand) return nullptr;
  return std::make_unique<UnaryExpr>(span(begin, last_end_), UnaryOp::Not, std::move(operand));
}

namespace {

// Returns the comparison operator at the cursor (consuming its tokens) or false.
bool take_compare_op(PythonParser& p, CompareOp& op) {
  switch (p.peek().kind) {
    case Tok::Lt:
      op = CompareOp::Lt;
      break;
    case Tok::Gt:
      op = CompareOp::Gt;
      break;
    case Tok::LtE:
      op = CompareOp::LtE;
      break;
    case Tok::GtE:
      op = CompareOp::GtE;
      break;
    case Tok::EqEq:
      op = CompareOp::Eq;
      break;
    case Tok::NotEq:
      op = CompareOp::NotEq;
      break;
    case Tok::KwIn:
      op = CompareOp::In;
      break;
    case Tok::KwIs:
      p.next();
      op = p.accept(Tok::KwNot) ? CompareOp::IsNot : CompareOp::Is;
      return true;
    case Tok::KwNot:
      if (p.peek(1).kind != Tok::KwIn) return false;
      p.next();
      op = CompareOp::NotIn;
      break;
    default:
      return false;
  }
  p.next();
  return true;
}

}  // namespace

ExprPtr PythonParser::comparison() {
  const std::uint32_t begin = peek().range.begin;
  ExprPtr left = binary_level(0);
  if (!left) return nullptr;
  CompareOp op;
  if (!take_compare_op(*this, op)) return left;
  auto e = std::make_unique<CompareExpr>(SourceRange{}, std::move(left));
  do {
    ExprPtr right = binary_level(0);
    if (!right) return nullptr;
    e->ops.push_back(op);
    e->comparators.push_back(std::move(right));
  } while (take_compare_op(*this, op));
  e->range = span(begin, last_end_);
  return e;
}

namespace {

struct BinaryToken {
  Tok token;
  BinaryOp op;
};

// Binary operator levels from loosest (|) to tightest (* / // %).
const std::vector<std::vector<BinaryToken>>& binary_levels() {
  static const std::vector<std::vector<BinaryToken>> levels = {
      {{Tok::Pipe, BinaryOp::BitOr}},
      {{Tok::Caret, BinaryOp::BitXor}},
      {{Tok::Amp, BinaryOp::BitAnd}},
      {{Tok::LShift, BinaryOp::LShift}, {Tok::RShift, BinaryOp::RShift}},
      {{Tok::Plus, BinaryOp::Add}, {Tok::Minus, BinaryOp::Sub}},
      {{Tok::Star, BinaryOp::Mul},
       {Tok::Slash, BinaryOp::Div},
       {Tok::DoubleSlash, BinaryOp::FloorDiv},
       {Tok::Percent, BinaryOp::Mod}},
  };
  return levels;
}

}  // namespace

ExprPtr PythonParser::binary_level(int level) {
  const auto& levels = binary_levels();
  const bool last = level + 1 == static_cast<int>(levels.size());
  const std::uint32_t begin = peek().range.begin;
  ExprPtr left = last ? factor() : binary_level(level + 1);
  ChainGuard chain(*this);
  while (left) {
    const BinaryToken* match = nullptr;
    for (const auto& b : levels[level]) {
      if (at(b.token)) match = &b;
    }
    if (!match) break;
    if (!chain.wrap()) return nullptr;
    next();
    ExprPtr right = last ? factor() : binary_level(level + 1);
    if (!right) return nullptr;
    left = std::make_unique<BinaryExpr>(span(begin, last_end_), match->op, std::move(left),
                                        std::move(right));
  }
  return left;
}

// factor: ('+' | '-' | '~') factor | power
ExprPtr PythonParser::factor() {
  UnaryOp op;
  switch (peek().kind) {
    case Tok::Plus:
      op = UnaryOp::Pos;
      break;
    case Tok::Minus:
      op = UnaryOp::Neg;
      break;
    case Tok::Tilde:
      op = UnaryOp::Invert;
      break;
    default:
      return power();
  }
  if (op == UnaryOp::Neg && peek(1).kind == Tok::Int && peek(1).int_value == INT64_MIN) {
    if (ExprPtr folded = smallest_int()) return folded;
  }
  DepthGuard guard(*this);
  if (!guard.ok()) return nullptr;
  const std::uint32_t begin = next().range.begin;
  ExprPtr operand = factor();
  if (!operand) return nullptr;
  return std::make_unique<UnaryExpr>(span(begin, last_end_), op, std::move(operand));
}

// `-9223372036854775808` is the one literal whose magnitude does not fit in 64 bits but
// whose value does: fold it when nothing binds tighter than the minus (`**`, `.`, call,
// subscript); otherwise return null and let atom() reject 2**63.
ExprPtr PythonParser::smallest_int() {
  const Tok after = peek(2).kind;
  if (after == Tok::DoubleStar || after == Tok::Dot || after == Tok::LParen ||
      after == Tok::LBracket) {
    return nullptr;
  }
  auto c = std::make_unique<ConstantExpr>(span(next().range.begin, 0));
  c->constant = ConstantKind::Int;
  c->int_value = next().int_value;
  c->range.end = last_end_;
  return c;
}

// power: primary ['**' factor]   (right-associative through factor)
ExprPtr PythonParser::power() {
  const std::uint32_t begin = peek().range.begin;
  ExprPtr base = primary();
  if (!base || !at(Tok::DoubleStar)) return base;
  DepthGuard guard(*this);
  if (!guard.ok()) return nullptr;
  next();
  ExprPtr exponent = factor();
  if (!exponent) return nullptr;
  return std::make_unique<BinaryExpr>(span(begin, last_end_), BinaryOp::Pow, std::move(base),
                                      std::move(exponent));
}

std::string expr_description(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Name:
      return "name";
    case ExprKind::Constant:
      return "literal";
    case ExprKind::Attribute:
      return "attribute";
    case ExprKind::Subscript:
      return "subscript";
    case ExprKind::Slice:
      return "slice";
    case ExprKind::Call:
      return "function call";
    case ExprKind::Unary:
    case ExprKind::Binary:
      return "expression";
    case ExprKind::BoolOp:
      return "expression";
    case ExprKind::Compare:
      return "comparison";
    case ExprKind::IfExp:
      return "conditional expression";
    case ExprKind::Tuple:
      return "tuple";
    case ExprKind::List:
      return "list";
    case ExprKind::Set:
      return "set display";
    case ExprKind::Dict:
      return "dict display";
    case ExprKind::Comprehension:
      return "comprehension";
    case ExprKind::Lambda:
      return "lambda";
    case ExprKind::Starred:
      return "starred expression";
  }
  return "expression";
}

bool PythonParser::check_target(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Name:
    case ExprKind::Attribute:
    case ExprKind::Subscript:
      return true;
    case ExprKind::Tuple:
    case ExprKind::List: {
      // One element of a tuple or list target may be `*target`, which takes the rest.
      bool starred = false;
      for (const auto& element : static_cast<const SequenceExpr&>(e).elements) {
        if (element->kind != ExprKind::Starred) {
          if (!check_target(*element)) return false;
          continue;
        }
        if (starred) {
          error(element->range, "multiple starred expressions in assignment");
          return false;
        }
        starred = true;
        if (!check_target(*static_cast<const StarredExpr&>(*element).value)) return false;
      }
      return true;
    }
    case ExprKind::Starred:
      error(e.range, "starred assignment target must be in a list or tuple");
      return false;
    default:
      error(e.range, fmt::format("cannot assign to {}", expr_description(e)));
      return false;
  }
}

}  // namespace squall::front
