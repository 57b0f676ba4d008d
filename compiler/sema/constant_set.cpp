#include "sema/constant_set.hpp"

namespace squall::front {
namespace {

bool folds_to_constant(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Constant:
      return true;
    case ExprKind::Unary:
      return folds_to_constant(*static_cast<const UnaryExpr&>(e).operand);
    case ExprKind::Binary: {
      const auto& b = static_cast<const BinaryExpr&>(e);
      return folds_to_constant(*b.left) && folds_to_constant(*b.right);
    }
    case ExprKind::Tuple:
      for (const auto& x : static_cast<const SequenceExpr&>(e).elements) {
        if (!folds_to_constant(*x)) return false;
      }
      return true;
    default:
      return false;
  }
}

}  // namespace

bool is_constant_set_display(const SequenceExpr& e) {
  if (e.kind != ExprKind::Set || e.elements.size() < 3) return false;
  for (const auto& x : e.elements) {
    if (!folds_to_constant(*x)) return false;
  }
  return true;
}

}  // namespace squall::front
