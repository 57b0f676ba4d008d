// Directives with a body up to `{% end %}`, and their intermediate tags.
#include <string>

#include "expr/expr_parser.hpp"
#include "parse/directives.hpp"

namespace squall::front {
namespace {

// open_body makes the block context for `tag`; `loop` is 1 for for/while (sets in_loop),
// 0 for if/try/block (keeps it), -1 for apply (clears it: its body is a nested function).
std::optional<OpenBlock> open_body(Parser& p, const Token& tag, const OpenBlock* parent, int loop,
                                   int indent, int static_block) {
  auto block = p.open_block(tag, parent);
  if (!block) return std::nullopt;
  if (loop != 0) block->in_loop = loop > 0;
  block->indent += indent;
  block->static_loops += static_block;
  p.check_python_nesting(tag, *block);
  return block;
}

// condition parses an if/elif/while condition; Tornado appends `:` to it, so a trailing
// `#` comment is an error (parse_header_expression).
ExprPtr condition(Parser& p, const Token& tag) {
  return require_suffix(p, tag, "a condition") ? parse_header_expression(p.expr_input(tag.suffix))
                                               : nullptr;
}

std::string quoted(std::string_view op) {
  return "'" + std::string(op) + "'";
}

// misplaced reports a clause in an order Python rejects (`elif` after `else`).
NodeList* misplaced(Parser& p, const Token& tag, std::string_view op, std::string_view after) {
  p.python_error(tag.op, quoted(op) + " cannot follow " + quoted(after));
  return nullptr;
}

// Loop: the shared shape of `for` and `while`: a body and an optional single `else`.
template <typename LoopNode>
bool parse_loop_body(Parser& p, const OpenBlock& block, LoopNode& node) {
  bool has_else = false;
  return p.parse_block_clauses(block, node.body,
                               [&](const Token& clause, std::string_view op) -> NodeList* {
                                 if (has_else) return misplaced(p, clause, op, "else");
                                 has_else = true;
                                 reject_suffix(p, clause);
                                 node.else_range = clause.range;
                                 return &node.orelse;
                               }) != nullptr;
}

}  // namespace

// if: "{% if" cond "%}" body ("{% elif" cond "%}" body)* ("{% else %}" body)? "{% end %}"
bool parse_if(Parser& p, const Token& tag, NodeList& out, const OpenBlock* parent) {
  const auto block = open_body(p, tag, parent, 0, 1, 0);
  if (!block) return false;
  auto node = std::make_unique<IfNode>(tag.range);
  node->branches.push_back({tag.range, condition(p, tag), {}});
  bool has_else = false;
  const Token* end = p.parse_block_clauses(
      *block, node->branches[0].body, [&](const Token& clause, std::string_view op) -> NodeList* {
        if (has_else) return misplaced(p, clause, op, "else");
        has_else = op == "else";
        if (has_else) reject_suffix(p, clause);
        node->branches.push_back({clause.range, has_else ? nullptr : condition(p, clause), {}});
        return &node->branches.back().body;
      });
  out.push_back(std::move(node));
  return end != nullptr;
}

// for: "{% for" target "in" iter "%}" body ("{% else %}" body)? "{% end %}"
bool parse_for(Parser& p, const Token& tag, NodeList& out, const OpenBlock* parent) {
  const auto block = open_body(p, tag, parent, 1, 1, 1);
  if (!block) return false;
  auto node = std::make_unique<ForNode>(tag.range);
  if (require_suffix(p, tag, "'target in iterable'")) {
    if (auto header = parse_for_header(p.expr_input(tag.suffix))) {
      node->target = std::move(header->target);
      node->iter = std::move(header->iter);
    }
  }
  const bool ok = parse_loop_body(p, *block, *node);
  out.push_back(std::move(node));
  return ok;
}

// while: "{% while" cond "%}" body ("{% else %}" body)? "{% end %}"
bool parse_while(Parser& p, const Token& tag, NodeList& out, const OpenBlock* parent) {
  const auto block = open_body(p, tag, parent, 1, 1, 1);
  if (!block) return false;
  auto node = std::make_unique<WhileNode>(tag.range);
  node->condition = condition(p, tag);
  const bool ok = parse_loop_body(p, *block, *node);
  out.push_back(std::move(node));
  return ok;
}

// try: "{% try %}" body ("{% except" [E [as n]] "%}" body)* ("{% else %}" body)?
//      ("{% finally %}" body)? "{% end %}", with at least one except or finally.
bool parse_try(Parser& p, const Token& tag, NodeList& out, const OpenBlock* parent) {
  const auto block = open_body(p, tag, parent, 0, 1, 1);
  if (!block) return false;
  reject_suffix(p, tag);
  auto node = std::make_unique<TryNode>(tag.range);
  bool bare_except = false;
  const Token* end = p.parse_block_clauses(
      *block, node->body, [&](const Token& clause, std::string_view op) -> NodeList* {
        if (node->has_finally) return misplaced(p, clause, op, "finally");
        if (op == "except") {
          if (node->has_else) return misplaced(p, clause, op, "else");
          if (bare_except) {
            p.python_error(clause.op, "a bare 'except' must be the last 'except' clause");
            return nullptr;
          }
          ExceptClause handler{clause.range, nullptr, {}, {}};
          if (auto header = parse_except_header(p.expr_input(clause.suffix))) {
            handler.type = std::move(header->type);
            handler.name = std::move(header->name);
          }
          bare_except = handler.type == nullptr && clause.suffix.begin == clause.suffix.end;
          node->handlers.push_back(std::move(handler));
          return &node->handlers.back().body;
        }
        reject_suffix(p, clause);
        if (op == "finally") {
          node->has_finally = true;
          return &node->finalbody;
        }
        if (node->has_else) return misplaced(p, clause, op, "else");
        if (node->handlers.empty()) {
          p.python_error(clause.op, "'else' in a 'try' block needs an 'except' clause before it");
          return nullptr;
        }
        node->has_else = true;
        return &node->orelse;
      });
  if (end && node->handlers.empty() && !node->has_finally) {
    p.python_error(tag.op, "'try' needs an 'except' or 'finally' clause");
  }
  out.push_back(std::move(node));
  return end != nullptr;
}

// block: "{% block" NAME "%}" body "{% end %}". Tornado checks the name after the body,
// so its error is reported at the `{% end %}` line.
bool parse_block(Parser& p, const Token& tag, NodeList& out, const OpenBlock* parent) {
  const auto block = open_body(p, tag, parent, 0, 0, 0);
  if (!block) return false;
  auto node = std::make_unique<BlockNode>(tag.range, std::string(p.slice(tag.suffix)));
  const Token* end = p.parse_block_clauses(*block, node->body,
                                           [](const Token&, std::string_view) { return nullptr; });
  if (!end) return false;
  if (node->name.empty()) {
    p.fail(*end, tag.op, "block missing name");
    return false;
  }
  out.push_back(std::move(node));
  return true;
}

// apply: "{% apply" FUNC "%}" body "{% end %}"; the body is a nested function in Tornado,
// so `break`/`continue` cannot reach an enclosing loop.
bool parse_apply(Parser& p, const Token& tag, NodeList& out, const OpenBlock* parent) {
  const auto block = open_body(p, tag, parent, -1, 1, 0);
  if (!block) return false;
  auto node = std::make_unique<ApplyNode>(tag.range, nullptr);
  const Token* end = p.parse_block_clauses(*block, node->body,
                                           [](const Token&, std::string_view) { return nullptr; });
  if (!end) return false;
  if (tag.suffix.begin == tag.suffix.end) {
    p.fail(*end, tag.op, "apply missing method name");
    return false;
  }
  node->func = parse_header_expression(p.expr_input(tag.suffix));
  out.push_back(std::move(node));
  return true;
}

}  // namespace squall::front
