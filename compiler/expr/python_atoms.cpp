// Primaries and atoms: names, literals, displays, comprehensions, calls, subscripts, lambda.
#include <fmt/format.h>

#include <set>

#include "expr/python_parser.hpp"

namespace squall::front {

namespace {

std::unique_ptr<ConstantExpr> constant(SourceRange r, ConstantKind kind) {
  auto c = std::make_unique<ConstantExpr>(r);
  c->constant = kind;
  return c;
}

}  // namespace

// primary: atom ('.' NAME | '(' args ')' | '[' slices ']')*
ExprPtr PythonParser::primary() {
  const std::uint32_t begin = peek().range.begin;
  ExprPtr e = atom();
  ChainGuard chain(*this);
  while (e) {
    if ((at(Tok::Dot) || at(Tok::LParen) || at(Tok::LBracket)) && !chain.wrap()) return nullptr;
    if (accept(Tok::Dot)) {
      if (!at(Tok::Name)) {
        error_expected("an attribute name after '.'");
        return nullptr;
      }
      std::string attr = next().text;
      e = std::make_unique<AttributeExpr>(span(begin, last_end_), std::move(e), std::move(attr));
    } else if (at(Tok::LParen)) {
      e = call(std::move(e));
    } else if (at(Tok::LBracket)) {
      e = subscript(std::move(e));
    } else {
      break;
    }
  }
  return e;
}

ExprPtr PythonParser::atom() {
  const ExprToken& t = peek();
  switch (t.kind) {
    case Tok::Name: {
      next();
      return std::make_unique<NameExpr>(t.range, t.text);
    }
    case Tok::Int: {
      if (t.int_value == INT64_MIN) {  // 2**63 without a minus in front
        error(t.range, "integer literal too large (Squall integers are 64-bit)");
        return nullptr;
      }
      auto c = constant(t.range, ConstantKind::Int);
      c->int_value = next().int_value;
      return c;
    }
    case Tok::Float: {
      auto c = constant(t.range, ConstantKind::Float);
      c->float_value = next().float_value;
      return c;
    }
    case Tok::String:
      return strings();
    case Tok::KwNone:
      next();
      return constant(t.range, ConstantKind::None);
    case Tok::KwTrue:
    case Tok::KwFalse: {
      auto c = constant(t.range, ConstantKind::Bool);
      c->bool_value = next().kind == Tok::KwTrue;
      return c;
    }
    case Tok::LParen:
      return paren();
    case Tok::LBracket:
      return bracket();
    case Tok::LBrace:
      return brace();
    default:
      break;
  }
  error_expected("an expression");
  return nullptr;
}

// Adjacent string literals are one constant, as in Python.
ExprPtr PythonParser::strings() {
  auto c = constant(peek().range, ConstantKind::Str);
  while (at(Tok::String)) c->str_value += next().text;
  c->range.end = last_end_;
  return c;
}

// '(' ')' | '(' yield ')' | '(' star_or_test ')' | tuple | generator expression
ExprPtr PythonParser::paren() {
  const std::uint32_t begin = next().range.begin;
  if (accept(Tok::RParen)) {
    return std::make_unique<SequenceExpr>(ExprKind::Tuple, span(begin, last_end_));
  }
  ExprPtr first = star_or_test();
  if (!first) return nullptr;
  if (at(Tok::KwFor) || at(Tok::KwAsync)) {
    return comprehension(begin, ComprehensionKind::Generator, std::move(first), Tok::RParen, "')'");
  }
  if (at(Tok::Comma)) {
    return sequence_rest(begin, ExprKind::Tuple, std::move(first), Tok::RParen, "')'");
  }
  if (first->kind == ExprKind::Starred) {
    error(first->range, "cannot use starred expression here");
    return nullptr;
  }
  if (!expect(Tok::RParen, "')'")) return nullptr;
  // The parenthesised expression keeps its node; its range grows to cover the parentheses
  // so that a root expression's range is the whole tag text.
  first->range = span(begin, last_end_);
  return first;
}

ExprPtr PythonParser::bracket() {
  const std::uint32_t begin = next().range.begin;
  if (accept(Tok::RBracket)) {
    return std::make_unique<SequenceExpr>(ExprKind::List, span(begin, last_end_));
  }
  ExprPtr first = star_or_test();
  if (!first) return nullptr;
  if (at(Tok::KwFor) || at(Tok::KwAsync)) {
    return comprehension(begin, ComprehensionKind::List, std::move(first), Tok::RBracket, "']'");
  }
  return sequence_rest(begin, ExprKind::List, std::move(first), Tok::RBracket, "']'");
}

// The rest of a tuple/list/set display after its first element.
ExprPtr PythonParser::sequence_rest(std::uint32_t begin, ExprKind kind, ExprPtr first, Tok close,
                                    const char* close_text) {
  auto seq = std::make_unique<SequenceExpr>(kind, SourceRange{});
  seq->elements.push_back(std::move(first));
  while (accept(Tok::Comma)) {
    if (at(close)) break;
    ExprPtr e = star_or_test();
    if (!e) return nullptr;
    seq->elements.push_back(std::move(e));
  }
  if (!expect(close, fmt::format("',' or {}", close_text).c_str())) return nullptr;
  seq->range = span(begin, last_end_);
  return seq;
}

// '{' '}' | dict display | set display | dict/set comprehension
ExprPtr PythonParser::brace() {
  const std::uint32_t begin = next().range.begin;
  if (accept(Tok::RBrace)) return std::make_unique<DictExpr>(span(begin, last_end_));
  if (accept(Tok::DoubleStar)) {
    ExprPtr value = binary_level(0);
    if (!value) return nullptr;
    return dict_rest(begin, nullptr, std::move(value));
  }
  ExprPtr first = star_or_test();
  if (!first) return nullptr;
  if (first->kind != ExprKind::Starred && accept(Tok::Colon)) {
    ExprPtr value = test();
    if (!value) return nullptr;
    if (!at(Tok::KwFor) && !at(Tok::KwAsync))
      return dict_rest(begin, std::move(first), std::move(value));
    auto comp = comprehension(begin, ComprehensionKind::Dict, std::move(value), Tok::RBrace, "'}'");
    if (comp) static_cast<ComprehensionExpr&>(*comp).key = std::move(first);
    return comp;
  }
  if (at(Tok::KwFor) || at(Tok::KwAsync)) {
    return comprehension(begin, ComprehensionKind::Set, std::move(first), Tok::RBrace, "'}'");
  }
  return sequence_rest(begin, ExprKind::Set, std::move(first), Tok::RBrace, "'}'");
}

// The rest of a dict display after its first entry (a null key means `**value`).
ExprPtr PythonParser::dict_rest(std::uint32_t begin, ExprPtr key, ExprPtr value) {
  auto dict = std::make_unique<DictExpr>(SourceRange{});
  dict->keys.push_back(std::move(key));
  dict->values.push_back(std::move(value));
  while (accept(Tok::Comma)) {
    if (at(Tok::RBrace)) break;
    if (accept(Tok::DoubleStar)) {
      ExprPtr v = binary_level(0);
      if (!v) return nullptr;
      dict->keys.push_back(nullptr);
      dict->values.push_back(std::move(v));
      continue;
    }
    ExprPtr k = test();
    if (!k || !expect(Tok::Colon, "':' in dict display")) return nullptr;
    ExprPtr v = test();
    if (!v) return nullptr;
    dict->keys.push_back(std::move(k));
    dict->values.push_back(std::move(v));
  }
  if (!expect(Tok::RBrace, "',' or '}'")) return nullptr;
  dict->range = span(begin, last_end_);
  return dict;
}

ExprPtr PythonParser::comprehension(std::uint32_t begin, ComprehensionKind kind, ExprPtr element,
                                    Tok close, const char* close_text) {
  if (element->kind == ExprKind::Starred) {
    error(element->range, "iterable unpacking cannot be used in comprehension");
    return nullptr;
  }
  auto comp = std::make_unique<ComprehensionExpr>(SourceRange{}, kind);
  comp->element = std::move(element);
  if (!comprehension_clauses(comp->clauses)) return nullptr;
  if (!expect(close, close_text)) return nullptr;
  comp->range = span(begin, last_end_);
  return comp;
}

// ('for' targets 'in' or_test ('if' or_test)*)+
bool PythonParser::comprehension_clauses(std::vector<ComprehensionFor>& out) {
  while (at(Tok::KwFor) || at(Tok::KwAsync)) {
    if (at(Tok::KwAsync)) {
      error(peek().range, "unsupported Python syntax: async comprehension");
      return false;
    }
    next();
    ComprehensionFor clause;
    clause.target = target_list(true);
    if (!clause.target || !check_target(*clause.target)) return false;
    if (!expect(Tok::KwIn, "'in'")) return false;
    if (!(clause.iter = or_test())) return false;
    while (accept(Tok::KwIf)) {
      ExprPtr cond = or_test();
      if (!cond) return false;
      clause.conditions.push_back(std::move(cond));
    }
    out.push_back(std::move(clause));
  }
  return true;
}

// Targets of `for` (loop and comprehension): `x`, `k, v`, `(a, b), c`, `x,`.
ExprPtr PythonParser::target_list(bool stop_at_in) {
  const std::uint32_t begin = peek().range.begin;
  ExprPtr first = at(Tok::Star) ? star_or_test() : binary_level(0);
  if (!first || !at(Tok::Comma)) return first;
  auto tuple = std::make_unique<SequenceExpr>(ExprKind::Tuple, SourceRange{});
  tuple->elements.push_back(std::move(first));
  while (accept(Tok::Comma)) {
    if (stop_at_in && at(Tok::KwIn)) break;
    ExprPtr e = at(Tok::Star) ? star_or_test() : binary_level(0);
    if (!e) return nullptr;
    tuple->elements.push_back(std::move(e));
  }
  tuple->range = span(begin, last_end_);
  return tuple;
}

ExprPtr PythonParser::call(ExprPtr func) {
  const std::uint32_t begin = func->range.begin;
  next();  // '('
  auto c = std::make_unique<CallExpr>(SourceRange{}, std::move(func));
  ArgumentOrder order;
  while (!at(Tok::RParen)) {
    if (!call_argument(*c, order)) return nullptr;
    if (!accept(Tok::Comma)) break;
  }
  if (!expect(Tok::RParen, "',' or ')'")) return nullptr;
  c->range = span(begin, last_end_);
  return c;
}

// The part of an argument before its value: `*`, `**` or `name=`, with Python's ordering
// rules for positional, keyword and unpacking arguments.
bool PythonParser::argument_head(const CallExpr& c, Argument& arg, ArgumentOrder& order) {
  const ExprToken& first = peek();
  if (first.kind == Tok::Star || first.kind == Tok::DoubleStar) {
    next();
    arg.kind = first.kind == Tok::Star ? ArgKind::Star : ArgKind::DoubleStar;
    if (arg.kind == ArgKind::Star && order.seen_double_star) {
      error(first.range, "iterable argument unpacking follows keyword argument unpacking");
      return false;
    }
    order.seen_double_star = order.seen_double_star || arg.kind == ArgKind::DoubleStar;
  } else if (first.kind == Tok::Name && peek(1).kind == Tok::Assign) {
    arg.kind = ArgKind::Keyword;
    arg.name = first.text;
    for (const auto& other : c.args) {
      if (other.kind == ArgKind::Keyword && other.name == arg.name) {
        error(first.range, fmt::format("keyword argument repeated: {}", arg.name));
        return false;
      }
    }
    next();
    next();
    order.seen_keyword = true;
  } else if (order.seen_keyword || order.seen_double_star) {
    error(first.range, order.seen_double_star
                           ? "positional argument follows keyword argument unpacking"
                           : "positional argument follows keyword argument");
    return false;
  }
  return true;
}

bool PythonParser::call_argument(CallExpr& c, ArgumentOrder& order) {
  Argument arg;
  if (!argument_head(c, arg, order) || !(arg.value = test())) return false;
  if (arg.kind == ArgKind::Positional && (at(Tok::KwFor) || at(Tok::KwAsync))) {
    if (!bare_generator(c, arg)) return false;
  } else if (at(Tok::Assign) && arg.kind == ArgKind::Positional) {
    error(arg.value->range,
          "expression cannot contain assignment (a keyword argument name must be a plain name)");
    return false;
  }
  c.args.push_back(std::move(arg));
  return true;
}

// A bare generator expression is allowed only as the sole argument: f(x for x in y).
bool PythonParser::bare_generator(const CallExpr& c, Argument& arg) {
  auto comp = std::make_unique<ComprehensionExpr>(SourceRange{}, ComprehensionKind::Generator);
  const std::uint32_t begin = arg.value->range.begin;
  comp->element = std::move(arg.value);
  if (!comprehension_clauses(comp->clauses)) return false;
  comp->range = span(begin, last_end_);
  if (!c.args.empty() || !at(Tok::RParen)) {
    error(comp->range, "generator expression must be parenthesized");
    return false;
  }
  arg.value = std::move(comp);
  return true;
}

ExprPtr PythonParser::subscript(ExprPtr value) {
  const std::uint32_t begin = value->range.begin;
  next();  // '['
  ExprPtr index = slice_item();
  if (!index) return nullptr;
  if (at(Tok::Comma)) {
    auto tuple = std::make_unique<SequenceExpr>(ExprKind::Tuple, SourceRange{});
    tuple->elements.push_back(std::move(index));
    while (accept(Tok::Comma)) {
      if (at(Tok::RBracket)) break;
      ExprPtr e = slice_item();
      if (!e) return nullptr;
      tuple->elements.push_back(std::move(e));
    }
    tuple->range = span(tuple->elements.front()->range.begin, last_end_);
    index = std::move(tuple);
  }
  if (!expect(Tok::RBracket, "']'")) return nullptr;
  return std::make_unique<SubscriptExpr>(span(begin, last_end_), std::move(value),
                                         std::move(index));
}

// slice_item: test | [test] ':' [test] [':' [test]]
ExprPtr PythonParser::slice_item() {
  const std::uint32_t begin = peek().range.begin;
  if (at(Tok::Star)) {
    error(peek().range, "unsupported Python syntax: starred subscript");
    return nullptr;
  }
  ExprPtr lower;
  if (!at(Tok::Colon)) {
    lower = test();
    if (!lower || !at(Tok::Colon)) return lower;
  }
  next();  // ':'
  auto slice = std::make_unique<SliceExpr>(SourceRange{});
  slice->lower = std::move(lower);
  const auto ends_part = [&] { return at(Tok::Colon) || at(Tok::Comma) || at(Tok::RBracket); };
  if (!ends_part() && !(slice->upper = test())) return nullptr;
  if (accept(Tok::Colon) && !ends_part() && !(slice->step = test())) return nullptr;
  slice->range = span(begin, last_end_);
  return slice;
}

// lambda: 'lambda' [params] ':' test
ExprPtr PythonParser::lambda() {
  const std::uint32_t begin = next().range.begin;
  auto l = std::make_unique<LambdaExpr>(SourceRange{});
  bool seen_default = false;
  while (!at(Tok::Colon)) {
    if (!lambda_param(*l, seen_default)) return nullptr;
    if (!accept(Tok::Comma)) break;
  }
  if (!expect(Tok::Colon, "':' after lambda parameters")) return nullptr;
  if (!(l->body = test())) return nullptr;
  l->range = span(begin, last_end_);
  return l;
}

bool PythonParser::lambda_param(LambdaExpr& l, bool& seen_default) {
  LambdaParam param;
  const ExprToken& first = peek();
  if (first.kind == Tok::Slash) {
    error(first.range, "unsupported Python syntax: positional-only parameter marker '/'");
    return false;
  }
  if (accept(Tok::Star)) {
    param.star = true;
  } else if (accept(Tok::DoubleStar)) {
    param.double_star = true;
  }
  if (param.star && (at(Tok::Comma) || at(Tok::Colon))) {
    error(first.range, "unsupported Python syntax: keyword-only parameter marker '*'");
    return false;
  }
  if (!at(Tok::Name)) {
    error_expected("a parameter name");
    return false;
  }
  const ExprToken& name = next();
  param.name = name.text;
  for (const auto& other : l.params) {
    if (other.name == param.name) {
      error(name.range, fmt::format("duplicate argument '{}' in lambda", param.name));
      return false;
    }
  }
  if (!param.star && !param.double_star) {
    if (accept(Tok::Assign)) {
      if (!(param.default_value = test())) return false;
      seen_default = true;
    } else if (seen_default && (l.params.empty() || !l.params.back().star)) {
      error(name.range, "parameter without a default follows parameter with a default");
      return false;
    }
  }
  l.params.push_back(std::move(param));
  return true;
}

}  // namespace squall::front
