// Expression and statement nodes for the Python subset inside template tags.
//
// Both back ends consume these: the interpreter evaluates them (`eval_<kind>`), the code
// generator lowers them (`emit_<kind>`). Every node carries the byte range of its text in
// the template file. Children are owned through unique_ptr.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "source/source_loc.hpp"

namespace squall::front {

enum class ExprKind {
  Name,           // x
  Constant,       // None True False 1 2.5 'text'
  Attribute,      // value.attr
  Subscript,      // value[index]   (index may be a SliceExpr)
  Slice,          // lower:upper:step, only as a Subscript index
  Call,           // f(a, b=1, *rest, **kw)
  Unary,          // -x +x ~x not x
  Binary,         // x + y ...
  BoolOp,         // x and y and z / x or y
  Compare,        // a < b <= c (chained)
  IfExp,          // a if cond else b
  Tuple,          // (a, b)  a, b
  List,           // [a, b]
  Set,            // {a, b}
  Dict,           // {k: v}
  Comprehension,  // [x for ...] {x for ...} {k: v for ...} (x for ...)
  Lambda,         // lambda a, b=1: body
  Starred,        // *x, only in call arguments and displays
};

struct Expr {
  explicit Expr(ExprKind k, SourceRange r) : kind(k), range(r) {}
  virtual ~Expr() = default;
  Expr(const Expr&) = delete;
  Expr& operator=(const Expr&) = delete;

  const ExprKind kind;
  SourceRange range;
  /// table_index is a number a back end may give the node for its own per-unit tables (the
  /// interpreter numbers global names, attribute names and constants); -1 until then.
  int table_index = -1;
};
using ExprPtr = std::unique_ptr<Expr>;

/// How a NameExpr is bound; filled in by the resolver (sema), Unresolved until then.
enum class NameScope : std::uint8_t {
  Unresolved,
  Local,   // assigned somewhere in the compiled unit: a slot, UnboundLocalError before set
  Global,  // read from the render namespace (args, helpers, builtins): NameError if missing
  Lambda,  // parameter of an enclosing lambda or a comprehension variable
};

struct NameExpr final : Expr {
  NameExpr(SourceRange r, std::string n) : Expr(ExprKind::Name, r), name(std::move(n)) {}
  std::string name;
  NameScope scope = NameScope::Unresolved;
  int slot = -1;  // index into the unit's local slots when scope == Local
  // A Local read from a lambda, a comprehension or an apply body, where Python reads a
  // closure cell: unset, it is a NameError ("cannot access free variable"), not an
  // UnboundLocalError.
  bool free = false;
};

enum class ConstantKind { None, Bool, Int, Float, Str };

/// ConstantExpr holds a literal. Strings are decoded (escapes processed, adjacent literals
/// joined) into UTF-8. Ints outside 64 bits are rejected by the parser.
struct ConstantExpr final : Expr {
  explicit ConstantExpr(SourceRange r) : Expr(ExprKind::Constant, r) {}
  ConstantKind constant = ConstantKind::None;
  bool bool_value = false;
  std::int64_t int_value = 0;
  double float_value = 0;
  std::string str_value;
};

struct AttributeExpr final : Expr {
  AttributeExpr(SourceRange r, ExprPtr v, std::string a)
      : Expr(ExprKind::Attribute, r), value(std::move(v)), attr(std::move(a)) {}
  ExprPtr value;
  std::string attr;
};

struct SubscriptExpr final : Expr {
  SubscriptExpr(SourceRange r, ExprPtr v, ExprPtr i)
      : Expr(ExprKind::Subscript, r), value(std::move(v)), index(std::move(i)) {}
  ExprPtr value;
  ExprPtr index;
};

/// SliceExpr parts are null when omitted (`a[:2]`, `a[::-1]`).
struct SliceExpr final : Expr {
  explicit SliceExpr(SourceRange r) : Expr(ExprKind::Slice, r) {}
  ExprPtr lower, upper, step;
};

enum class ArgKind { Positional, Keyword, Star, DoubleStar };

struct Argument {
  ArgKind kind = ArgKind::Positional;
  std::string name;  // for Keyword
  ExprPtr value;
};

struct CallExpr final : Expr {
  CallExpr(SourceRange r, ExprPtr f) : Expr(ExprKind::Call, r), func(std::move(f)) {}
  ExprPtr func;
  std::vector<Argument> args;
};

enum class UnaryOp { Neg, Pos, Invert, Not };

struct UnaryExpr final : Expr {
  UnaryExpr(SourceRange r, UnaryOp o, ExprPtr x)
      : Expr(ExprKind::Unary, r), op(o), operand(std::move(x)) {}
  UnaryOp op;
  ExprPtr operand;
};

enum class BinaryOp {
  Add,
  Sub,
  Mul,
  Div,
  FloorDiv,
  Mod,
  Pow,
  LShift,
  RShift,
  BitAnd,
  BitOr,
  BitXor
};

struct BinaryExpr final : Expr {
  BinaryExpr(SourceRange r, BinaryOp o, ExprPtr a, ExprPtr b)
      : Expr(ExprKind::Binary, r), op(o), left(std::move(a)), right(std::move(b)) {}
  BinaryOp op;
  ExprPtr left, right;
};

enum class BoolOpKind { And, Or };

/// BoolOpExpr returns an operand, as Python does: `x or 'default'`.
struct BoolOpExpr final : Expr {
  BoolOpExpr(SourceRange r, BoolOpKind o) : Expr(ExprKind::BoolOp, r), op(o) {}
  BoolOpKind op;
  std::vector<ExprPtr> values;  // two or more
};

enum class CompareOp { Eq, NotEq, Lt, LtE, Gt, GtE, In, NotIn, Is, IsNot };

/// CompareExpr is a chain `left ops[0] comparators[0] ops[1] comparators[1] ...`; each middle
/// operand is evaluated once.
struct CompareExpr final : Expr {
  CompareExpr(SourceRange r, ExprPtr l) : Expr(ExprKind::Compare, r), left(std::move(l)) {}
  ExprPtr left;
  std::vector<CompareOp> ops;
  std::vector<ExprPtr> comparators;
};

struct IfExpExpr final : Expr {
  explicit IfExpExpr(SourceRange r) : Expr(ExprKind::IfExp, r) {}
  ExprPtr test, body, orelse;
};

/// SequenceExpr is a Tuple, List or Set display (kind tells which).
struct SequenceExpr final : Expr {
  SequenceExpr(ExprKind k, SourceRange r) : Expr(k, r) {}
  std::vector<ExprPtr> elements;  // may contain StarredExpr
};

/// DictExpr entries: a null key means `**value`.
struct DictExpr final : Expr {
  explicit DictExpr(SourceRange r) : Expr(ExprKind::Dict, r) {}
  std::vector<ExprPtr> keys;
  std::vector<ExprPtr> values;
};

/// ComprehensionFor is one `for target in iter if cond...` clause.
struct ComprehensionFor {
  ExprPtr target;  // a Name or a Tuple/List of targets
  ExprPtr iter;
  std::vector<ExprPtr> conditions;
};

enum class ComprehensionKind { List, Set, Dict, Generator };

/// ComprehensionExpr: `element` is the value (Dict: `key` and `element`). Its loop variables
/// live in their own scope, as in Python 3.
struct ComprehensionExpr final : Expr {
  ComprehensionExpr(SourceRange r, ComprehensionKind k)
      : Expr(ExprKind::Comprehension, r), comprehension(k) {}
  ComprehensionKind comprehension;
  ExprPtr key;  // Dict only
  ExprPtr element;
  std::vector<ComprehensionFor> clauses;
};

struct LambdaParam {
  std::string name;
  ExprPtr default_value;     // null when none
  bool star = false;         // *args
  bool double_star = false;  // **kwargs
};

struct LambdaExpr final : Expr {
  explicit LambdaExpr(SourceRange r) : Expr(ExprKind::Lambda, r) {}
  std::vector<LambdaParam> params;
  ExprPtr body;
};

struct StarredExpr final : Expr {
  StarredExpr(SourceRange r, ExprPtr v) : Expr(ExprKind::Starred, r), value(std::move(v)) {}
  ExprPtr value;
};

// -- Statements: the body of `{% set %}` (one line, or a small indented block).

enum class StmtKind { Assign, AugAssign, Del, Expr, If, Pass };

struct Stmt {
  Stmt(StmtKind k, SourceRange r) : kind(k), range(r) {}
  virtual ~Stmt() = default;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  const StmtKind kind;
  SourceRange range;
};
using StmtPtr = std::unique_ptr<Stmt>;

/// AssignStmt: `a = b = value`; each target is a Name, Attribute, Subscript, or a
/// Tuple/List of targets (unpacking).
struct AssignStmt final : Stmt {
  explicit AssignStmt(SourceRange r) : Stmt(StmtKind::Assign, r) {}
  std::vector<ExprPtr> targets;
  ExprPtr value;
};

struct AugAssignStmt final : Stmt {
  explicit AugAssignStmt(SourceRange r) : Stmt(StmtKind::AugAssign, r) {}
  ExprPtr target;
  BinaryOp op = BinaryOp::Add;
  ExprPtr value;
};

/// DelStmt: `del target`; the target is a Name, Attribute, Subscript, or a Tuple/List of
/// targets (`del a, b[0]`), deleted left to right.
struct DelStmt final : Stmt {
  DelStmt(SourceRange r, ExprPtr t) : Stmt(StmtKind::Del, r), target(std::move(t)) {}
  ExprPtr target;
};

/// ExprStmt: an expression evaluated for its effect, e.g. `{% set items.append(x) %}`.
struct ExprStmt final : Stmt {
  ExprStmt(SourceRange r, ExprPtr v) : Stmt(StmtKind::Expr, r), value(std::move(v)) {}
  ExprPtr value;
};

struct IfStmtBranch {
  ExprPtr condition;  // null for `else`
  std::vector<StmtPtr> body;
};

struct IfStmt final : Stmt {
  explicit IfStmt(SourceRange r) : Stmt(StmtKind::If, r) {}
  std::vector<IfStmtBranch> branches;
};

struct PassStmt final : Stmt {
  explicit PassStmt(SourceRange r) : Stmt(StmtKind::Pass, r) {}
};

}  // namespace squall::front
