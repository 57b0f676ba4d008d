// Helpers shared by the expression lexer/parser tests: parse a snippet placed inside a tag
// of an in-memory file (so offsets are absolute, not 0-based) and render the result.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "ast/expr_dump.hpp"
#include "expr/expr_parser.hpp"

namespace squall::front::testing {

enum class ExprMode { Expr, Tuple, Header, Set, For, Except, Import, From };

inline ExprMode expr_mode_from_name(std::string_view name) {
  if (name == "tuple") return ExprMode::Tuple;
  if (name == "header") return ExprMode::Header;
  if (name == "set") return ExprMode::Set;
  if (name == "for") return ExprMode::For;
  if (name == "except") return ExprMode::Except;
  if (name == "import") return ExprMode::Import;
  if (name == "from") return ExprMode::From;
  return ExprMode::Expr;
}

/// kPrefix is the text before the snippet in the test file, like a tag opener.
inline constexpr std::string_view kPrefix = "{% ";

/// ParsedSnippet keeps the file and diagnostics alive next to the result.
struct ParsedSnippet {
  std::shared_ptr<const SourceFile> file;
  DiagnosticEngine diags;
  ExprPtr expr;          // Expr / Tuple modes
  std::string rendered;  // dump, or "error L:C: message" (line-1 columns exclude kPrefix)
};

inline std::string render_import(const ImportNode& node) {
  std::string out = "(import";
  if (!node.from_module.empty()) out += " (from " + node.from_module + ")";
  for (const auto& n : node.names) {
    out += " " + n.name;
    if (!n.alias.empty()) out += " (as " + n.alias + ")";
  }
  return out + ")";
}

inline std::string render_success(ExprMode mode, const ExprParseInput& in, ParsedSnippet& out,
                                  int indent, bool& ok) {
  switch (mode) {
    case ExprMode::Expr:
    case ExprMode::Tuple:
      out.expr = parse_expression(in, mode == ExprMode::Tuple);
      ok = out.expr != nullptr;
      return ok ? dump_expr(*out.expr) : "";
    case ExprMode::Header:
      out.expr = parse_header_expression(in);
      ok = out.expr != nullptr;
      return ok ? dump_expr(*out.expr) : "";
    case ExprMode::Set: {
      auto body = parse_set_body(in, indent);
      ok = body.has_value();
      std::string s;
      if (!body) return s;
      for (const auto& stmt : *body) s += (s.empty() ? "" : " ") + dump_stmt(*stmt);
      return s;
    }
    case ExprMode::For: {
      auto h = parse_for_header(in);
      ok = h.has_value();
      return ok ? "(for-header " + dump_expr(*h->target) + " " + dump_expr(*h->iter) + ")" : "";
    }
    case ExprMode::Except: {
      auto h = parse_except_header(in);
      ok = h.has_value();
      if (!ok) return "";
      std::string name;
      append_json_string(h->name, name);
      return "(except " + (h->type ? dump_expr(*h->type) : "_") + " " + name + ")";
    }
    case ExprMode::Import:
    case ExprMode::From: {
      ImportNode node(in.range);
      ok = mode == ExprMode::Import ? parse_import(in, node) : parse_from_import(in, node);
      return ok ? render_import(node) : "";
    }
  }
  return "";
}

/// parse_snippet parses `text` in `mode`; `indent` is the set body's generated column.
inline std::unique_ptr<ParsedSnippet> parse_snippet(ExprMode mode, std::string_view text,
                                                    int indent = 4) {
  auto out = std::make_unique<ParsedSnippet>();
  std::string content = std::string(kPrefix) + std::string(text) + " %}";
  out->file = std::make_shared<SourceFile>("t.html", std::move(content));
  const auto begin = static_cast<std::uint32_t>(kPrefix.size());
  ExprParseInput in{
      out->file, {begin, begin + static_cast<std::uint32_t>(text.size())}, out->diags};
  bool ok = false;
  out->rendered = render_success(mode, in, *out, indent, ok);
  if (ok && out->diags.diagnostics().empty()) return out;
  if (ok) out->rendered = "BUG: success with diagnostics";
  if (out->diags.diagnostics().size() != 1) {
    out->rendered = "BUG: " + std::to_string(out->diags.diagnostics().size()) + " diagnostics";
    return out;
  }
  const Diagnostic& d = out->diags.diagnostics().front();
  const LineColumn lc = out->file->locate(d.range.begin);
  const int column = lc.line == 1 ? lc.column - static_cast<int>(kPrefix.size()) : lc.column;
  out->rendered =
      "error " + std::to_string(lc.line) + ":" + std::to_string(column) + ": " + d.message;
  return out;
}

inline std::string parse_to_string(ExprMode mode, std::string_view text, int indent = 4) {
  return parse_snippet(mode, text, indent)->rendered;
}

}  // namespace squall::front::testing
