// Parsers for the Python subset that appears inside template tags.
//
// Every function parses the bytes `range` of `file` (the tag text after the directive
// keyword, or the whole `{{ }}` contents), reports problems to `diags` with ranges inside
// that text, and returns null / nullopt / false after an error. Nodes carry absolute file
// offsets. Nesting deeper than kMaxExprDepth is a diagnostic, not a stack overflow.
// Python syntax outside the supported subset is a diagnostic naming the construct
// ("unsupported Python syntax: f-string").
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ast/ast.hpp"
#include "diag/diagnostics.hpp"
#include "expr/expr_ast.hpp"

namespace squall::front {

inline constexpr int kMaxExprDepth = 200;

/// ExprParseInput names the text to parse: the file and a byte range of it.
struct ExprParseInput {
  const std::shared_ptr<const SourceFile>& file;
  SourceRange range;
  DiagnosticEngine& diags;
};

/// parse_expression parses one expression. With `allow_tuple`, a top-level `a, b` is a
/// tuple (as in `{{ a, b }}`, which Tornado pastes after `_tt_tmp = `).
ExprPtr parse_expression(const ExprParseInput& in, bool allow_tuple);

/// parse_header_expression parses one expression that Tornado follows with more code on
/// the same generated line: `if`/`elif`/`while` conditions (`:` is appended) and the `apply`
/// function (`(...)` is appended). Unlike parse_expression, a `#` comment is an error here,
/// because in Tornado it would comment out that code.
ExprPtr parse_header_expression(const ExprParseInput& in);

/// ForHeader is the text after `for`: `target in iterable`.
struct ForHeader {
  ExprPtr target;
  ExprPtr iter;
};
std::optional<ForHeader> parse_for_header(const ExprParseInput& in);

/// parse_set_body parses the text after `set`: one simple statement (assignment, tuple
/// unpacking, augmented assignment, expression), or a small indented block of them with
/// `if`/`elif`/`else`, as multi-line `{% set %}` tags in real templates hold.
std::optional<std::vector<StmtPtr>> parse_set_body(const ExprParseInput& in);

/// parse_set_body with the column (0-based, in spaces) at which Tornado's generated code
/// writes the statement: 4 * (1 + the number of enclosing `if`/`for`/`while`/`try`/`apply`
/// blocks where the tag is generated; `block` and `include` add none). Continuation lines
/// of a multi-line body are measured against it as Python would ("unexpected indent",
/// "expected an indented block"). The one-argument form assumes 4 (top level).
std::optional<std::vector<StmtPtr>> parse_set_body(const ExprParseInput& in, int generated_indent);

/// ExceptHeader is the text after `except`: empty, `E`, `(A, B)`, `E as name`.
struct ExceptHeader {
  ExprPtr type;
  std::string name;
};
std::optional<ExceptHeader> parse_except_header(const ExprParseInput& in);

/// parse_import fills `node` from the text after `import` (`a.b as c, d`);
/// parse_from_import from the text after `from` (`a.b import c as d, e`).
bool parse_import(const ExprParseInput& in, ImportNode& node);
bool parse_from_import(const ExprParseInput& in, ImportNode& node);

}  // namespace squall::front
