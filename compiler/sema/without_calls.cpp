#include "sema/without_calls.hpp"

namespace squall::front {

bool without_calls(const Expr& e) {
  using K = ExprKind;
  switch (e.kind) {
    case K::Name:
    case K::Constant:
      return true;
    case K::Attribute:
      return without_calls(*static_cast<const AttributeExpr&>(e).value);
    case K::Subscript: {
      const auto& s = static_cast<const SubscriptExpr&>(e);
      return s.index->kind != K::Slice && without_calls(*s.value) && without_calls(*s.index);
    }
    case K::Unary:
      return without_calls(*static_cast<const UnaryExpr&>(e).operand);
    case K::Binary: {
      const auto& b = static_cast<const BinaryExpr&>(e);
      return without_calls(*b.left) && without_calls(*b.right);
    }
    case K::BoolOp: {
      for (const auto& v : static_cast<const BoolOpExpr&>(e).values) {
        if (!without_calls(*v)) return false;
      }
      return true;
    }
    case K::Compare: {
      const auto& c = static_cast<const CompareExpr&>(e);
      for (const auto& v : c.comparators) {
        if (!without_calls(*v)) return false;
      }
      return without_calls(*c.left);
    }
    case K::IfExp: {
      const auto& i = static_cast<const IfExpExpr&>(e);
      return without_calls(*i.test) && without_calls(*i.body) && without_calls(*i.orelse);
    }
    default:
      return false;
  }
}

}  // namespace squall::front
