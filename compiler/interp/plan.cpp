// plan_unit: one walk over every file of a unit, numbering names, attributes and constants.
#include "interp/plan.hpp"

#include <string>

#include "ast/constant_value.hpp"
#include "ast/expr_visit.hpp"
#include "ast/node_visit.hpp"

namespace squall::interp {

using namespace front;

std::size_t UnitPlan::file_index(const Template* file) const {
  std::size_t i = 0;
  while (i < files.size() && files[i] != file) ++i;
  return i;
}

namespace {

class Planner {
 public:
  explicit Planner(UnitPlan& plan) : plan_(plan) {}

  void nodes(NodeList& list) {
    for (auto& n : list) node(*n);
  }

  void node(Node& n) {
    switch (n.kind) {
      case NodeKind::Expression:
        expr(static_cast<ExpressionNode&>(n).expr);
        break;
      case NodeKind::Raw:
        expr(static_cast<RawNode&>(n).expr);
        break;
      case NodeKind::Module:
        expr(static_cast<ModuleNode&>(n).expr);
        break;
      case NodeKind::Set:
        stmts(static_cast<SetNode&>(n).body);
        break;
      case NodeKind::If:
        for (auto& b : static_cast<IfNode&>(n).branches) expr(b.condition);
        break;
      case NodeKind::For: {
        auto& f = static_cast<ForNode&>(n);
        expr(f.target);
        expr(f.iter);
        break;
      }
      case NodeKind::While:
        expr(static_cast<WhileNode&>(n).condition);
        break;
      case NodeKind::Try:
        for (auto& h : static_cast<TryNode&>(n).handlers) expr(h.type);
        break;
      case NodeKind::Apply:
        expr(static_cast<ApplyNode&>(n).func);
        break;
      case NodeKind::Text:
      case NodeKind::Import:
      case NodeKind::Break:
      case NodeKind::Continue:
      case NodeKind::Block:
      case NodeKind::Extends:
      case NodeKind::Include:
      case NodeKind::Autoescape:
      case NodeKind::Whitespace:
        break;
    }
    for_each_body(n, [&](NodeList& body) { nodes(body); });
  }

 private:
  void stmts(std::vector<StmtPtr>& body) {
    for (auto& s : body) {
      switch (s->kind) {
        case StmtKind::Assign: {
          auto& a = static_cast<AssignStmt&>(*s);
          for (auto& t : a.targets) expr(t);
          expr(a.value);
          break;
        }
        case StmtKind::AugAssign: {
          auto& a = static_cast<AugAssignStmt&>(*s);
          expr(a.target);
          expr(a.value);
          break;
        }
        case StmtKind::Del:
          expr(static_cast<DelStmt&>(*s).target);
          break;
        case StmtKind::Expr:
          expr(static_cast<ExprStmt&>(*s).value);
          break;
        case StmtKind::If:
          for (auto& b : static_cast<IfStmt&>(*s).branches) {
            expr(b.condition);
            stmts(b.body);
          }
          break;
        case StmtKind::Pass:
          break;
      }
    }
  }

  void expr(ExprPtr& e) {
    if (e) expr(*e);
  }

  void expr(Expr& e) {
    switch (e.kind) {
      case ExprKind::Name: {
        auto& n = static_cast<NameExpr&>(e);
        if (n.scope == NameScope::Global) n.table_index = number(globals_, plan_.globals, n.name);
        break;
      }
      case ExprKind::Attribute: {
        auto& a = static_cast<AttributeExpr&>(e);
        a.table_index = number(attrs_, plan_.attrs, a.attr);
        break;
      }
      case ExprKind::Constant:
        e.table_index = static_cast<int>(plan_.constants.size());
        plan_.constants.push_back(constant_value(static_cast<ConstantExpr&>(e)));
        break;
      default:
        break;
    }
    for_each_child(e, [&](Expr& child) { expr(child); });
  }

  static int number(std::unordered_map<std::string_view, int>& seen,
                    std::vector<std::unique_ptr<const rt::Attr>>& table, const std::string& name) {
    const auto [it, inserted] = seen.emplace(name, static_cast<int>(table.size()));
    if (inserted) table.push_back(std::make_unique<const rt::Attr>(name));
    return it->second;
  }

  UnitPlan& plan_;
  std::unordered_map<std::string_view, int> globals_;
  std::unordered_map<std::string_view, int> attrs_;
};

}  // namespace

std::unique_ptr<UnitPlan> plan_unit(Unit& unit) {
  auto plan = std::make_unique<UnitPlan>();
  Planner planner(*plan);
  for (auto& file : unit.files) {
    plan->files.push_back(file.get());
    planner.nodes(file->body);
  }
  plan->escape_names.resize(plan->files.size());
  for (std::size_t i = unit.slot_names.size(); i-- > 0;)
    plan->top_slots[unit.slot_names[i]] = static_cast<int>(i);
  return plan;
}

}  // namespace squall::interp
