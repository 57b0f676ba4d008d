// Directives that are a single tag, and the keyword table.
#include <string>

#include "expr/expr_parser.hpp"
#include "parse/directives.hpp"

namespace squall::front {
namespace {

struct DirectiveEntry {
  std::string_view op;
  DirectiveFn parse;
};

constexpr DirectiveEntry kDirectives[] = {
    {"apply", parse_apply},     {"autoescape", parse_autoescape},
    {"block", parse_block},     {"break", parse_break},
    {"comment", parse_comment}, {"continue", parse_continue},
    {"extends", parse_extends}, {"for", parse_for},
    {"from", parse_from},       {"if", parse_if},
    {"import", parse_import},   {"include", parse_include},
    {"module", parse_module},   {"raw", parse_raw},
    {"set", parse_set},         {"try", parse_try},
    {"while", parse_while},     {"whitespace", parse_whitespace},
};

std::string_view strip_all(std::string_view s, char c) {
  while (!s.empty() && s.front() == c) s.remove_prefix(1);
  while (!s.empty() && s.back() == c) s.remove_suffix(1);
  return s;
}

bool is_empty(SourceRange r) {
  return r.begin == r.end;
}

// parse_loop_jump is `{% break %}` / `{% continue %}`: only inside for/while, judged by
// the file the tag is written in (Tornado's `in_loop`).
template <typename NodeT>
bool parse_loop_jump(Parser& p, const Token& tag, NodeList& out, const OpenBlock* block) {
  if (!block || !block->in_loop) {
    p.fail(tag, tag.op, std::string(p.slice(tag.op)) + " outside {'for', 'while'} block");
    return false;
  }
  reject_suffix(p, tag);
  out.push_back(std::make_unique<NodeT>(tag.range));
  return true;
}

// template_path is the path of extends/include with quotes stripped; empty after
// reporting Tornado's "<op> missing file path".
std::string_view template_path(Parser& p, const Token& tag) {
  const std::string_view path = strip_path_quotes(p.slice(tag.suffix));
  if (path.empty()) p.fail(tag, tag.op, std::string(p.slice(tag.op)) + " missing file path");
  return path;
}

}  // namespace

DirectiveFn find_directive(std::string_view op) {
  for (const DirectiveEntry& d : kDirectives) {
    if (d.op == op) return d.parse;
  }
  return nullptr;
}

std::string_view strip_path_quotes(std::string_view suffix) {
  return strip_all(strip_all(suffix, '"'), '\'');
}

bool reject_suffix(Parser& p, const Token& tag) {
  if (is_empty(tag.suffix)) return true;
  p.python_error(tag.suffix, "unexpected text after '" + std::string(p.slice(tag.op)) + "'");
  return false;
}

bool require_suffix(Parser& p, const Token& tag, std::string_view what) {
  if (!is_empty(tag.suffix)) return true;
  p.python_error(tag.op, "'" + std::string(p.slice(tag.op)) + "' needs " + std::string(what));
  return false;
}

// autoescape: `{% autoescape NAME %}`; `None` or nothing turns escaping off. The last one
// in the file decides for the whole file.
bool parse_autoescape(Parser& p, const Token& tag, NodeList& out, const OpenBlock*) {
  const std::string_view suffix = p.slice(tag.suffix);
  std::string name(suffix == "None" ? std::string_view() : suffix);
  p.result().autoescape = name;
  out.push_back(std::make_unique<AutoescapeNode>(tag.range, std::move(name)));
  return true;
}

bool parse_break(Parser& p, const Token& tag, NodeList& out, const OpenBlock* block) {
  return parse_loop_jump<BreakNode>(p, tag, out, block);
}

bool parse_continue(Parser& p, const Token& tag, NodeList& out, const OpenBlock* block) {
  return parse_loop_jump<ContinueNode>(p, tag, out, block);
}

// comment: `{% comment anything %}`, dropped; it has no end tag.
bool parse_comment(Parser&, const Token&, NodeList&, const OpenBlock*) {
  return true;
}

// extends: `{% extends "path" %}`. Tornado only honours it at the top level of a file; a
// nested one fails only if its code is generated, which build_unit (sema) checks.
bool parse_extends(Parser& p, const Token& tag, NodeList& out, const OpenBlock*) {
  const std::string_view path = template_path(p, tag);
  if (path.empty()) return false;
  out.push_back(std::make_unique<ExtendsNode>(tag.range, std::string(path)));
  return true;
}

bool parse_include(Parser& p, const Token& tag, NodeList& out, const OpenBlock*) {
  const std::string_view path = template_path(p, tag);
  if (path.empty()) return false;
  out.push_back(std::make_unique<IncludeNode>(tag.range, std::string(path)));
  return true;
}

// import / from: `{% import a.b as c %}`, `{% from a import b %}`; Tornado checks only that
// something follows the keyword, with the same message for both.
static bool parse_import_statement(Parser& p, const Token& tag, NodeList& out,
                                   bool (*parse_names)(const ExprParseInput&, ImportNode&)) {
  if (is_empty(tag.suffix)) {
    p.fail(tag, tag.op, "import missing statement");
    return false;
  }
  auto node = std::make_unique<ImportNode>(tag.range);
  parse_names(p.expr_input(tag.suffix), *node);
  out.push_back(std::move(node));
  return true;
}

bool parse_import(Parser& p, const Token& tag, NodeList& out, const OpenBlock*) {
  using ParseNames = bool (*)(const ExprParseInput&, ImportNode&);
  return parse_import_statement(p, tag, out,
                                static_cast<ParseNames>(::squall::front::parse_import));
}

bool parse_from(Parser& p, const Token& tag, NodeList& out, const OpenBlock*) {
  return parse_import_statement(p, tag, out, parse_from_import);
}

bool parse_module(Parser& p, const Token& tag, NodeList& out, const OpenBlock*) {
  ExprPtr expr = require_suffix(p, tag, "a module call, e.g. Template(\"x.html\")")
                     ? p.expression(tag.suffix, false)
                     : nullptr;
  out.push_back(std::make_unique<ModuleNode>(tag.range, std::move(expr)));
  return true;
}

bool parse_raw(Parser& p, const Token& tag, NodeList& out, const OpenBlock*) {
  ExprPtr expr =
      require_suffix(p, tag, "an expression to output") ? p.expression(tag.suffix, true) : nullptr;
  out.push_back(std::make_unique<RawNode>(tag.range, std::move(expr)));
  return true;
}

// set: `{% set stmt %}`; a multi-line body is measured against the indentation Tornado
// would generate it at (one level per enclosing if/for/while/try/apply).
bool parse_set(Parser& p, const Token& tag, NodeList& out, const OpenBlock* block) {
  if (is_empty(tag.suffix)) {
    p.fail(tag, tag.op, "set missing statement");
    return false;
  }
  auto node = std::make_unique<SetNode>(tag.range);
  if (auto body = parse_set_body(p.expr_input(tag.suffix), 4 * (1 + (block ? block->indent : 0)))) {
    node->body = std::move(*body);
  }
  out.push_back(std::move(node));
  return true;
}

// whitespace: `{% whitespace MODE %}` changes the mode of the text that follows in this
// file. Tornado raises a plain Exception (no line) for a bad mode; we give the tag.
bool parse_whitespace(Parser& p, const Token& tag, NodeList& out, const OpenBlock*) {
  const std::string_view name = p.slice(tag.suffix);
  const auto mode = parse_whitespace_mode(name);
  if (!mode) {
    Diagnostic& d = p.fail(tag, is_empty(tag.suffix) ? tag.op : tag.suffix,
                           "invalid whitespace mode " + std::string(name));
    d.add_note("the modes are 'all', 'single' and 'oneline'");
    return false;
  }
  p.set_whitespace(*mode);
  out.push_back(std::make_unique<WhitespaceNode>(tag.range, *mode));
  return true;
}

}  // namespace squall::front
