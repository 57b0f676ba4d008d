// The one traversal helper for expressions: calls `f` on each direct child in the order
// Python evaluates them. Comprehension clauses and lambda defaults are children too;
// callers that track scopes (sema) handle those two kinds themselves.
#pragma once

#include "expr/expr_ast.hpp"

namespace squall::front {

template <class F>
void for_each_child(Expr& e, F&& f) {
  const auto visit = [&](ExprPtr& child) {
    if (child) f(*child);
  };
  switch (e.kind) {
    case ExprKind::Name:
    case ExprKind::Constant:
      return;
    case ExprKind::Attribute:
      return visit(static_cast<AttributeExpr&>(e).value);
    case ExprKind::Subscript: {
      auto& s = static_cast<SubscriptExpr&>(e);
      visit(s.value);
      return visit(s.index);
    }
    case ExprKind::Slice: {
      auto& s = static_cast<SliceExpr&>(e);
      visit(s.lower);
      visit(s.upper);
      return visit(s.step);
    }
    case ExprKind::Call: {
      auto& c = static_cast<CallExpr&>(e);
      visit(c.func);
      for (auto& a : c.args) visit(a.value);
      return;
    }
    case ExprKind::Unary:
      return visit(static_cast<UnaryExpr&>(e).operand);
    case ExprKind::Binary: {
      auto& b = static_cast<BinaryExpr&>(e);
      visit(b.left);
      return visit(b.right);
    }
    case ExprKind::BoolOp:
      for (auto& v : static_cast<BoolOpExpr&>(e).values) visit(v);
      return;
    case ExprKind::Compare: {
      auto& c = static_cast<CompareExpr&>(e);
      visit(c.left);
      for (auto& v : c.comparators) visit(v);
      return;
    }
    case ExprKind::IfExp: {
      auto& i = static_cast<IfExpExpr&>(e);
      visit(i.test);
      visit(i.body);
      return visit(i.orelse);
    }
    case ExprKind::Tuple:
    case ExprKind::List:
    case ExprKind::Set:
      for (auto& v : static_cast<SequenceExpr&>(e).elements) visit(v);
      return;
    case ExprKind::Dict: {
      auto& d = static_cast<DictExpr&>(e);
      for (std::size_t i = 0; i < d.values.size(); ++i) {
        visit(d.keys[i]);
        visit(d.values[i]);
      }
      return;
    }
    case ExprKind::Comprehension: {
      auto& c = static_cast<ComprehensionExpr&>(e);
      for (auto& clause : c.clauses) {
        visit(clause.iter);
        visit(clause.target);
        for (auto& cond : clause.conditions) visit(cond);
      }
      visit(c.key);
      return visit(c.element);
    }
    case ExprKind::Lambda: {
      auto& l = static_cast<LambdaExpr&>(e);
      for (auto& p : l.params) visit(p.default_value);
      return visit(l.body);
    }
    case ExprKind::Starred:
      return visit(static_cast<StarredExpr&>(e).value);
  }
}

}  // namespace squall::front
