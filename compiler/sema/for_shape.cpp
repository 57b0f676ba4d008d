#include "sema/for_shape.hpp"

namespace squall::front {

ForShape for_shape(const ForNode& node) {
  ForShape shape;
  if (node.iter->kind == ExprKind::Call) {
    const auto& call = static_cast<const CallExpr&>(*node.iter);
    if (call.func->kind == ExprKind::Name &&
        static_cast<const NameExpr&>(*call.func).name == "enumerate" && call.args.size() == 1 &&
        call.args[0].kind == ArgKind::Positional) {
      shape.enumerate_fn = call.func.get();
      shape.enumerate_arg = call.args[0].value.get();
    }
  }
  const Expr& target = *node.target;
  if (target.kind == ExprKind::Tuple || target.kind == ExprKind::List) {
    const auto& seq = static_cast<const SequenceExpr&>(target);
    shape.unpack_count = seq.elements.size();
    for (const auto& el : seq.elements) {
      if (el->kind == ExprKind::Starred) shape.unpack_count = 0;
    }
  }
  return shape;
}

}  // namespace squall::front
