// Template nodes: what the parser builds from one file and both back ends walk.
//
// One node type per directive, named with the directive's stem (`parse_for` -> ForNode ->
// `emit_for` -> `exec_for`). `range` covers the whole tag (from `{%` to `%}`) for single
// tags, and the opening tag for blocks; Tornado reports run-time errors at the line where
// a node's opening delimiter is, which is `file.line_of(range.begin)`.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "expr/expr_ast.hpp"
#include "source/source_file.hpp"

namespace squall::front {

enum class WhitespaceMode { All, Single, Oneline };

enum class NodeKind {
  Text,
  Expression,
  Raw,
  Module,
  Set,
  Import,
  Break,
  Continue,
  If,
  For,
  While,
  Try,
  Block,
  Extends,
  Include,
  Apply,
  Autoescape,
  Whitespace,
};

struct Node {
  Node(NodeKind k, SourceRange r) : kind(k), range(r) {}
  virtual ~Node() = default;
  Node(const Node&) = delete;
  Node& operator=(const Node&) = delete;

  const NodeKind kind;
  SourceRange range;
};
using NodePtr = std::unique_ptr<Node>;
using NodeList = std::vector<NodePtr>;

/// TextNode: literal text between tags, already filtered by the whitespace mode in force
/// where it was written (Tornado filters each chunk on its own; `<pre>` chunks are kept).
/// Bang escapes (`{{!` ...) produce text nodes holding the two-character opener.
struct TextNode final : Node {
  TextNode(SourceRange r, std::string t, WhitespaceMode m)
      : Node(NodeKind::Text, r), text(std::move(t)), mode(m) {}
  std::string text;     // after filtering
  WhitespaceMode mode;  // the mode it was filtered with
};

/// ExpressionNode: `{{ expr }}`, output through the file's autoescape function.
struct ExpressionNode final : Node {
  ExpressionNode(SourceRange r, ExprPtr e) : Node(NodeKind::Expression, r), expr(std::move(e)) {}
  ExprPtr expr;
};

/// RawNode: `{% raw expr %}`, output without autoescape.
struct RawNode final : Node {
  RawNode(SourceRange r, ExprPtr e) : Node(NodeKind::Raw, r), expr(std::move(e)) {}
  ExprPtr expr;
};

/// ModuleNode: `{% module Name(args) %}`. `expr` is parsed from the tag text as written;
/// its leading name is looked up among UI modules (Tornado's `_tt_modules.` prefix), and the
/// result is output raw.
struct ModuleNode final : Node {
  ModuleNode(SourceRange r, ExprPtr e) : Node(NodeKind::Module, r), expr(std::move(e)) {}
  ExprPtr expr;
};

/// SetNode: `{% set stmt %}`; a multi-line suffix can hold an indented block.
struct SetNode final : Node {
  explicit SetNode(SourceRange r) : Node(NodeKind::Set, r) {}
  std::vector<StmtPtr> body;
};

/// ImportName: one `module.path [as alias]` (import) or `name [as alias]` (from).
struct ImportName {
  std::string name;
  std::string alias;  // empty when no `as`
  SourceRange range;
};

/// ImportNode: `{% import a.b as c, d %}` (from_module empty) or
/// `{% from a.b import c as d, e %}`.
struct ImportNode final : Node {
  explicit ImportNode(SourceRange r) : Node(NodeKind::Import, r) {}
  std::string from_module;
  std::vector<ImportName> names;
};

struct BreakNode final : Node {
  explicit BreakNode(SourceRange r) : Node(NodeKind::Break, r) {}
};
struct ContinueNode final : Node {
  explicit ContinueNode(SourceRange r) : Node(NodeKind::Continue, r) {}
};

/// IfBranch: `if`/`elif` (condition set) or `else` (condition null); `range` is its tag.
struct IfBranch {
  SourceRange range;
  ExprPtr condition;
  NodeList body;
};

struct IfNode final : Node {
  explicit IfNode(SourceRange r) : Node(NodeKind::If, r) {}
  std::vector<IfBranch> branches;
};

/// ForNode: `{% for target in iter %}body{% else %}orelse{% end %}`.
struct ForNode final : Node {
  explicit ForNode(SourceRange r) : Node(NodeKind::For, r) {}
  ExprPtr target;  // Name, or Tuple/List of targets
  ExprPtr iter;
  NodeList body;
  NodeList orelse;
  SourceRange else_range;  // empty when there is no else
};

struct WhileNode final : Node {
  explicit WhileNode(SourceRange r) : Node(NodeKind::While, r) {}
  ExprPtr condition;
  NodeList body;
  NodeList orelse;
  SourceRange else_range;
};

/// ExceptClause: `{% except %}`, `{% except E %}`, `{% except (A, B) as e %}`.
struct ExceptClause {
  SourceRange range;
  ExprPtr type;      // null for a bare except
  std::string name;  // empty without `as`
  NodeList body;
};

struct TryNode final : Node {
  explicit TryNode(SourceRange r) : Node(NodeKind::Try, r) {}
  NodeList body;
  std::vector<ExceptClause> handlers;
  NodeList orelse;
  NodeList finalbody;
  bool has_else = false;
  bool has_finally = false;
  SourceRange else_range;     // the `{% else %}` tag when has_else
  SourceRange finally_range;  // the `{% finally %}` tag when has_finally
};

struct BlockNode final : Node {
  BlockNode(SourceRange r, std::string n) : Node(NodeKind::Block, r), name(std::move(n)) {}
  std::string name;
  NodeList body;
};

/// ExtendsNode / IncludeNode: `path` as written with quotes stripped (Tornado strips `"`
/// and `'` from both ends); resolution against the loader happens in sema.
struct ExtendsNode final : Node {
  ExtendsNode(SourceRange r, std::string p) : Node(NodeKind::Extends, r), path(std::move(p)) {}
  std::string path;
};
struct IncludeNode final : Node {
  IncludeNode(SourceRange r, std::string p) : Node(NodeKind::Include, r), path(std::move(p)) {}
  std::string path;
};

/// ApplyNode: `{% apply f %}body{% end %}`: the body's output (text) is passed to `func`.
struct ApplyNode final : Node {
  ApplyNode(SourceRange r, ExprPtr f) : Node(NodeKind::Apply, r), func(std::move(f)) {}
  ExprPtr func;
  NodeList body;
  /// Set by sema when Tornado's pasted call `func(_tt_apply0())` does not wrap all of
  /// `func` (sema/pasted_text.hpp): `func` then holds the call, reading the body's function
  /// from this local, and its value is what the tag writes.
  NameExpr* pasted_body = nullptr;
};

/// AutoescapeNode: `{% autoescape name %}`; "None" (or empty) turns escaping off. The
/// file-level result (last one wins) is in Template::autoescape.
struct AutoescapeNode final : Node {
  AutoescapeNode(SourceRange r, std::string n)
      : Node(NodeKind::Autoescape, r), name(std::move(n)) {}
  std::string name;
};

struct WhitespaceNode final : Node {
  WhitespaceNode(SourceRange r, WhitespaceMode m) : Node(NodeKind::Whitespace, r), mode(m) {}
  WhitespaceMode mode;
};

/// Template: one parsed file. `autoescape` is set when the file has an autoescape
/// directive: the name of the last one, or "" when it turned escaping off. Without a
/// directive the loader's default applies.
struct Template {
  std::shared_ptr<const SourceFile> file;
  NodeList body;
  std::optional<std::string> autoescape;
};

}  // namespace squall::front
