// `{% set %}` bodies: simple statements, `;` lists, and indented `if` blocks.
//
// Tornado writes the text after `set` verbatim as one line of its generated function, at
// the indentation of the tag's nesting level; continuation lines keep the indentation they
// have in the template file. So Python measures them against that generated column, and
// the lexer (statement mode) does the same with `generated_indent`.
#include <fmt/format.h>

#include "expr/python_parser.hpp"

namespace squall::front {

namespace {

const char* statement_keyword(Tok kind) {
  switch (kind) {
    case Tok::KwGlobal:
      return "global";
    case Tok::KwNonlocal:
      return "nonlocal";
    case Tok::KwReturn:
      return "return";
    case Tok::KwImport:
      return "import";
    case Tok::KwFrom:
      return "from";
    case Tok::KwRaise:
      return "raise";
    case Tok::KwAssert:
      return "assert";
    case Tok::KwBreak:
      return "break";
    case Tok::KwContinue:
      return "continue";
    case Tok::KwDef:
      return "def";
    case Tok::KwClass:
      return "class";
    case Tok::KwFor:
      return "for";
    case Tok::KwWhile:
      return "while";
    case Tok::KwTry:
      return "try";
    case Tok::KwWith:
      return "with";
    default:
      return nullptr;
  }
}

bool aug_operator(Tok kind, BinaryOp& op) {
  switch (kind) {
    case Tok::PlusEq:
      op = BinaryOp::Add;
      return true;
    case Tok::MinusEq:
      op = BinaryOp::Sub;
      return true;
    case Tok::StarEq:
      op = BinaryOp::Mul;
      return true;
    case Tok::DoubleStarEq:
      op = BinaryOp::Pow;
      return true;
    case Tok::SlashEq:
      op = BinaryOp::Div;
      return true;
    case Tok::DoubleSlashEq:
      op = BinaryOp::FloorDiv;
      return true;
    case Tok::PercentEq:
      op = BinaryOp::Mod;
      return true;
    case Tok::AmpEq:
      op = BinaryOp::BitAnd;
      return true;
    case Tok::PipeEq:
      op = BinaryOp::BitOr;
      return true;
    case Tok::CaretEq:
      op = BinaryOp::BitXor;
      return true;
    case Tok::LShiftEq:
      op = BinaryOp::LShift;
      return true;
    case Tok::RShiftEq:
      op = BinaryOp::RShift;
      return true;
    default:
      return false;
  }
}

}  // namespace

// statements: (if_statement | simple_statements)* up to End, or up to the Dedent that
// closes an indented block.
bool PythonParser::statements(std::vector<StmtPtr>& out, bool block) {
  while (!failed_) {
    if (block ? accept(Tok::Dedent) : at(Tok::End)) return true;
    if (at(Tok::Indent)) {
      error_expected("a statement");
      return false;
    }
    if (at(Tok::KwIf)) {
      StmtPtr s = if_statement();
      if (!s) return false;
      out.push_back(std::move(s));
    } else if (!simple_statements(out)) {
      return false;
    }
  }
  return false;
}

// simple_statements: small_statement (';' small_statement)* [';'] NEWLINE
bool PythonParser::simple_statements(std::vector<StmtPtr>& out) {
  do {
    StmtPtr s = small_statement();
    if (!s) return false;
    out.push_back(std::move(s));
  } while (accept(Tok::Semicolon) && !at(Tok::Newline));
  return expect(Tok::Newline, "end of statement");
}

StmtPtr PythonParser::small_statement() {
  const ExprToken& first = peek();
  if (first.kind == Tok::KwPass) {
    next();
    return std::make_unique<PassStmt>(first.range);
  }
  if (first.kind == Tok::KwDel) return del_statement();
  if (const char* keyword = statement_keyword(first.kind)) {
    error(first.range, fmt::format("unsupported Python syntax: '{}' statement", keyword));
    return nullptr;
  }
  const std::uint32_t begin = first.range.begin;
  ExprPtr e = star_expressions();
  if (!e) return nullptr;
  if (at(Tok::Assign)) return assignment(std::move(e));
  BinaryOp op;
  if (aug_operator(peek().kind, op)) return aug_assignment(std::move(e));
  if (at(Tok::Colon)) {
    error(peek().range, "unsupported Python syntax: variable annotation");
    return nullptr;
  }
  if (e->kind == ExprKind::Starred) {
    error(e->range, "cannot use starred expression here");
    return nullptr;
  }
  return std::make_unique<ExprStmt>(span(begin, last_end_), std::move(e));
}

// assignment: (targets '=')+ value
StmtPtr PythonParser::assignment(ExprPtr first) {
  auto s = std::make_unique<AssignStmt>(SourceRange{});
  const std::uint32_t begin = first->range.begin;
  ExprPtr pending = std::move(first);
  while (accept(Tok::Assign)) {
    if (!check_target(*pending)) return nullptr;
    s->targets.push_back(std::move(pending));
    if (!(pending = star_expressions())) return nullptr;
  }
  if (pending->kind == ExprKind::Starred) {
    error(pending->range, "cannot use starred expression here");
    return nullptr;
  }
  s->value = std::move(pending);
  s->range = span(begin, last_end_);
  return s;
}

// del_statement: 'del' del_targets, where a target is a name, attribute, subscript, or a
// tuple or list of targets.
StmtPtr PythonParser::del_statement() {
  const std::uint32_t begin = next().range.begin;  // 'del'
  const Tok k = peek().kind;
  if (k == Tok::End || k == Tok::Newline || k == Tok::Semicolon) {
    error_expected("a target to delete");
    return nullptr;
  }
  ExprPtr target = star_expressions();
  if (!target || !check_del_target(*target)) return nullptr;
  return std::make_unique<DelStmt>(span(begin, last_end_), std::move(target));
}

bool PythonParser::check_del_target(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Name:
    case ExprKind::Attribute:
    case ExprKind::Subscript:
      return true;
    case ExprKind::Tuple:
    case ExprKind::List:
      for (const auto& element : static_cast<const SequenceExpr&>(e).elements) {
        if (!check_del_target(*element)) return false;
      }
      return true;
    default:
      error(e.range, fmt::format("cannot delete {}", expr_description(e)));
      return false;
  }
}

StmtPtr PythonParser::aug_assignment(ExprPtr target) {
  auto s = std::make_unique<AugAssignStmt>(SourceRange{});
  const std::uint32_t begin = target->range.begin;
  aug_operator(next().kind, s->op);
  const ExprKind k = target->kind;
  if (k != ExprKind::Name && k != ExprKind::Attribute && k != ExprKind::Subscript) {
    error(target->range, fmt::format("'{}' is an illegal target for augmented assignment",
                                     expr_description(*target)));
    return nullptr;
  }
  s->target = std::move(target);
  if (!(s->value = star_expressions())) return nullptr;
  s->range = span(begin, last_end_);
  return s;
}

// if_statement: 'if' test ':' suite ('elif' test ':' suite)* ['else' ':' suite]
StmtPtr PythonParser::if_statement() {
  DepthGuard guard(*this);
  if (!guard.ok()) return nullptr;
  auto s = std::make_unique<IfStmt>(SourceRange{});
  const std::uint32_t begin = peek().range.begin;
  do {
    next();  // 'if' or 'elif'
    IfStmtBranch branch;
    if (!(branch.condition = test())) return nullptr;
    if (!expect(Tok::Colon, "':'") || !suite(branch.body)) return nullptr;
    s->branches.push_back(std::move(branch));
  } while (at(Tok::KwElif));
  if (accept(Tok::KwElse)) {
    IfStmtBranch branch;
    if (!expect(Tok::Colon, "':' after 'else'") || !suite(branch.body)) return nullptr;
    s->branches.push_back(std::move(branch));
  }
  s->range = span(begin, last_end_);
  return s;
}

// suite: simple_statements | NEWLINE INDENT statements DEDENT
bool PythonParser::suite(std::vector<StmtPtr>& out) {
  if (!accept(Tok::Newline)) return simple_statements(out);
  if (!accept(Tok::Indent)) {
    error(peek().range, "expected an indented block");
    return false;
  }
  return statements(out, true);
}

std::optional<std::vector<StmtPtr>> parse_set_body(const ExprParseInput& in) {
  return parse_set_body(in, 4);
}

std::optional<std::vector<StmtPtr>> parse_set_body(const ExprParseInput& in, int generated_indent) {
  std::vector<ExprToken> tokens;
  ExprLexOptions options;
  options.statements = true;
  options.base_indent = generated_indent;
  if (!lex_python(in, options, tokens)) return std::nullopt;
  PythonParser parser(in, std::move(tokens), true);
  if (parser.at(Tok::End)) {
    parser.error_expected("a statement");
    return std::nullopt;
  }
  std::vector<StmtPtr> body;
  if (!parser.statements(body, false)) return std::nullopt;
  return body;
}

}  // namespace squall::front
