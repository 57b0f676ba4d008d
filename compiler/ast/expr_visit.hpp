// The one traversal helper for expressions: calls `f` on each direct child in the order
// Python evaluates them. Comprehension clauses and lambda defaults are children too;
// callers that track scopes (sema) handle those two kinds themselves.
#pragma once

#include "ast/downcast.hpp"
#include "expr/expr_ast.hpp"

namespace squall::front {

/// for_each_child: see the file comment. ExprT is Expr or const Expr.
template <class ExprT, class F>
void for_each_child(ExprT& e, F&& f) {
  const auto visit = [&](auto& child) {
    if (child) f(*child);
  };
  switch (e.kind) {
    case ExprKind::Name:
    case ExprKind::Constant:
      return;
    case ExprKind::Attribute:
      return visit(downcast<AttributeExpr>(e).value);
    case ExprKind::Subscript: {
      auto& s = downcast<SubscriptExpr>(e);
      visit(s.value);
      return visit(s.index);
    }
    case ExprKind::Slice: {
      auto& s = downcast<SliceExpr>(e);
      visit(s.lower);
      visit(s.upper);
      return visit(s.step);
    }
    case ExprKind::Call: {
      auto& c = downcast<CallExpr>(e);
      visit(c.func);
      for (auto& a : c.args) visit(a.value);
      return;
    }
    case ExprKind::Unary:
      return visit(downcast<UnaryExpr>(e).operand);
    case ExprKind::Binary: {
      auto& b = downcast<BinaryExpr>(e);
      visit(b.left);
      return visit(b.right);
    }
    case ExprKind::BoolOp:
      for (auto& v : downcast<BoolOpExpr>(e).values) visit(v);
      return;
    case ExprKind::Compare: {
      auto& c = downcast<CompareExpr>(e);
      visit(c.left);
      for (auto& v : c.comparators) visit(v);
      return;
    }
    case ExprKind::IfExp: {
      auto& i = downcast<IfExpExpr>(e);
      visit(i.test);
      visit(i.body);
      return visit(i.orelse);
    }
    case ExprKind::Tuple:
    case ExprKind::List:
    case ExprKind::Set:
      for (auto& v : downcast<SequenceExpr>(e).elements) visit(v);
      return;
    case ExprKind::Dict: {
      auto& d = downcast<DictExpr>(e);
      for (std::size_t i = 0; i < d.values.size(); ++i) {
        visit(d.keys[i]);
        visit(d.values[i]);
      }
      return;
    }
    case ExprKind::Comprehension: {
      auto& c = downcast<ComprehensionExpr>(e);
      for (auto& clause : c.clauses) {
        visit(clause.iter);
        visit(clause.target);
        for (auto& cond : clause.conditions) visit(cond);
      }
      visit(c.key);
      return visit(c.element);
    }
    case ExprKind::Lambda: {
      auto& l = downcast<LambdaExpr>(e);
      for (auto& p : l.params) visit(p.default_value);
      return visit(l.body);
    }
    case ExprKind::Starred:
      return visit(downcast<StarredExpr>(e).value);
  }
}

}  // namespace squall::front
