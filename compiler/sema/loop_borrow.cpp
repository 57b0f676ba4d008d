// Loop-variable borrowing: see loop_borrow.hpp for the conditions and why they suffice.
#include "sema/loop_borrow.hpp"

#include <array>
#include <string_view>
#include <vector>

#include "ast/expr_visit.hpp"
#include "ast/node_visit.hpp"
#include "sema/escape_choice.hpp"
#include "sema/for_shape.hpp"
#include "sema/scope_resolver.hpp"

namespace squall::front {
namespace {

// CodeWalker visits the code a node list runs, as Tornado's generated function would:
// `{% include %}` brings in the included file, `{% block %}` its winning definition.
// on_expr sees every expression (nested ones included), on_bind every name assigned,
// on_node every node, on_stmt every `{% set %}` statement.
template <class Visitor>
class CodeWalker {
 public:
  CodeWalker(const Unit& unit, Visitor& v) : unit_(unit), v_(v) {}

  void nodes(const NodeList& list) {
    for (const auto& n : list) node(*n);
  }

 private:
  void node(const Node& n) {
    v_.on_node(n);
    switch (n.kind) {
      case NodeKind::Expression:
        expr(*downcast<ExpressionNode>(n).expr);
        break;
      case NodeKind::Raw:
        expr(*downcast<RawNode>(n).expr);
        break;
      case NodeKind::Module:
        expr(*downcast<ModuleNode>(n).expr);
        break;
      case NodeKind::Set:
        for (const auto& s : downcast<SetNode>(n).body) stmt(*s);
        break;
      case NodeKind::Import:
        for (const auto& name : bound_names_of_import(downcast<ImportNode>(n))) v_.on_bind(name);
        break;
      case NodeKind::If:
        for (const auto& b : downcast<IfNode>(n).branches) {
          if (b.condition) expr(*b.condition);
        }
        break;
      case NodeKind::For: {
        const auto& f = downcast<ForNode>(n);
        target(*f.target);
        expr(*f.iter);
        break;
      }
      case NodeKind::While:
        expr(*downcast<WhileNode>(n).condition);
        break;
      case NodeKind::Try:
        for (const auto& h : downcast<TryNode>(n).handlers) {
          if (h.type) expr(*h.type);
          if (!h.name.empty()) v_.on_bind(h.name);
        }
        break;
      case NodeKind::Apply:
        expr(*downcast<ApplyNode>(n).func);
        break;
      case NodeKind::Include:
        // Unit building rejected include cycles, so this recursion ends.
        nodes(unit_.included(downcast<IncludeNode>(n)).body);
        return;
      case NodeKind::Block:
        nodes(unit_.block_for(downcast<BlockNode>(n)).node->body);
        return;
      case NodeKind::Text:
      case NodeKind::Break:
      case NodeKind::Continue:
      case NodeKind::Extends:
      case NodeKind::Autoescape:
      case NodeKind::Whitespace:
        break;
    }
    for_each_body(n, [&](const NodeList& body) { nodes(body); });
  }

  void stmt(const Stmt& s) {
    v_.on_stmt(s);
    switch (s.kind) {
      case StmtKind::Assign: {
        const auto& a = static_cast<const AssignStmt&>(s);
        expr(*a.value);
        for (const auto& t : a.targets) target(*t);
        break;
      }
      case StmtKind::AugAssign: {
        const auto& a = static_cast<const AugAssignStmt&>(s);
        expr(*a.value);
        target(*a.target);
        break;
      }
      case StmtKind::Del:
        target(*static_cast<const DelStmt&>(s).target);
        break;
      case StmtKind::Expr:
        expr(*static_cast<const ExprStmt&>(s).value);
        break;
      case StmtKind::If:
        for (const auto& b : static_cast<const IfStmt&>(s).branches) {
          if (b.condition) expr(*b.condition);
          for (const auto& inner : b.body) stmt(*inner);
        }
        break;
      case StmtKind::Pass:
        break;
    }
  }

  // target reports the names an assignment target binds and visits the expressions in it
  // (an item assignment's object and key).
  void target(const Expr& t) {
    if (t.kind == ExprKind::Name) {
      v_.on_bind(static_cast<const NameExpr&>(t).name);
      return;
    }
    v_.on_target(t);
    if (t.kind == ExprKind::Tuple || t.kind == ExprKind::List || t.kind == ExprKind::Starred) {
      for_each_child(t, [&](const Expr& child) { target(child); });
      return;
    }
    expr(t);
  }

  void expr(const Expr& e) {
    v_.on_expr(e);
    if (e.kind == ExprKind::Comprehension) {
      for (const auto& clause : static_cast<const ComprehensionExpr&>(e).clauses) {
        target(*clause.target);
      }
    }
    for_each_child(e, [&](const Expr& child) { expr(child); });
  }

  const Unit& unit_;
  Visitor& v_;
};

// Attribute names through which template code can change a list in place.
constexpr std::array<std::string_view, 12> kListMutators = {
    "append", "extend",  "insert",      "pop",         "remove",   "clear",
    "sort",   "reverse", "__setitem__", "__delitem__", "__iadd__", "__imul__"};

bool is_number(const Expr& e) {
  if (e.kind != ExprKind::Constant) return false;
  const auto kind = static_cast<const ConstantExpr&>(e).constant;
  return kind == ConstantKind::Int || kind == ConstantKind::Float || kind == ConstantKind::Bool;
}

// WalkVisitor is what CodeWalker calls, each hook doing nothing; visitors hide the hooks
// they need.
struct WalkVisitor {
  void on_node(const Node& /*n*/) {}
  void on_stmt(const Stmt& /*s*/) {}
  void on_bind(std::string_view /*name*/) {}
  void on_target(const Expr& /*t*/) {}
  void on_expr(const Expr& /*e*/) {}
};

// local_slot is the slot `e` reads when it is a local name, else -1.
int local_slot(const Expr& e) {
  if (e.kind != ExprKind::Name) return -1;
  const auto& n = static_cast<const NameExpr&>(e);
  return n.scope == NameScope::Local ? n.slot : -1;
}

// UnitScan looks for anything that breaks a unit-wide condition, and counts the reads of
// each local slot.
struct UnitScan : WalkVisitor {
  explicit UnitScan(std::size_t slots) : reads(slots, 0) {}
  bool safe = true;
  std::vector<int> reads;

  void on_node(const Node& n) {
    if (n.kind == NodeKind::Module) safe = false;
  }
  void on_stmt(const Stmt& s) {
    if (s.kind != StmtKind::AugAssign) return;
    const auto& a = static_cast<const AugAssignStmt&>(s);
    // list += iterable and list *= n change the list; += of a number fails first.
    if (a.op == BinaryOp::Mul || (a.op == BinaryOp::Add && !is_number(*a.value))) safe = false;
  }
  void on_target(const Expr& t) {
    if (t.kind == ExprKind::Subscript) safe = false;  // may be an item of a list
  }
  void on_expr(const Expr& e) {
    switch (e.kind) {
      case ExprKind::Attribute: {
        const std::string& attr = static_cast<const AttributeExpr&>(e).attr;
        for (const auto m : kListMutators) {
          if (attr == m) safe = false;
        }
        break;
      }
      case ExprKind::Name: {
        const std::string& name = static_cast<const NameExpr&>(e).name;
        // getattr reaches any method by a computed name; the module namespaces render
        // other templates.
        if (name == "getattr" || name == "_tt_modules" || name == "modules") safe = false;
        if (const int slot = local_slot(e); slot >= 0) ++reads[static_cast<std::size_t>(slot)];
        break;
      }
      case ExprKind::Lambda:
        safe = false;
        break;
      case ExprKind::Comprehension:
        // A generator runs later, when the loop variable may have moved on.
        if (static_cast<const ComprehensionExpr&>(e).comprehension ==
            ComprehensionKind::Generator) {
          safe = false;
        }
        break;
      default:
        break;
    }
  }
};

// BindScan looks for an assignment of one name.
struct BindScan : WalkVisitor {
  std::string_view name;
  bool bound = false;

  explicit BindScan(std::string_view n) : name(n) {}
  void on_bind(std::string_view n) {
    if (n == name) bound = true;
  }
};

// ReadCount counts the reads of one local slot.
struct ReadCount : WalkVisitor {
  int slot;
  int reads = 0;

  explicit ReadCount(int s) : slot(s) {}
  void on_expr(const Expr& e) {
    if (local_slot(e) == slot) ++reads;
  }
};

const NameExpr* local_name_target(const Expr& e) {
  return local_slot(e) >= 0 ? &static_cast<const NameExpr&>(e) : nullptr;
}

}  // namespace

LoopBorrowing::LoopBorrowing(const Unit& unit) : unit_(unit) {
  UnitScan scan(unit.slot_names.size());
  CodeWalker<UnitScan>(unit, scan).nodes(unit.root->body);
  allowed_ = scan.safe;
  reads_ = std::move(scan.reads);
}

const NameExpr* LoopBorrowing::target(const ForNode& loop) const {
  if (!allowed_) return nullptr;
  const NameExpr* target = local_name_target(*loop.target);
  const ForShape shape = for_shape(loop);
  if (!target && shape.enumerate_fn && shape.unpack_count == 2) {
    target = local_name_target(*static_cast<const SequenceExpr&>(*loop.target).elements[1]);
  }
  if (!target) return nullptr;
  BindScan scan(target->name);
  CodeWalker<BindScan>(unit_, scan).nodes(loop.body);
  return scan.bound ? nullptr : target;
}

bool LoopBorrowing::assigns(const NodeList& body, const std::string& name) const {
  BindScan scan(name);
  CodeWalker<BindScan>(unit_, scan).nodes(body);
  return scan.bound;
}

bool LoopBorrowing::read_outside(const ForNode& loop, const NameExpr& target) const {
  for (const auto& file : unit_.files) {
    if (escape_function(*file) == target.name) return true;
  }
  // Both counts follow includes and blocks alike, so a read reached twice counts twice in
  // each.
  ReadCount in_body(target.slot);
  CodeWalker<ReadCount>(unit_, in_body).nodes(loop.body);
  return reads_[static_cast<std::size_t>(target.slot)] > in_body.reads;
}

}  // namespace squall::front
