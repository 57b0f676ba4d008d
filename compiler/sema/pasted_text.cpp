#include "sema/pasted_text.hpp"

#include "ast/expr_visit.hpp"

namespace squall::front {

const NameExpr* module_lead(const Expr& e) {
  // Descend to the leftmost leaf: each node's first token belongs to the child that starts
  // first (an operand, a call's function, an attribute's object), unless the node itself
  // starts earlier with its own token.
  const Expr* at = &e;
  while (at->kind != ExprKind::Name) {
    const Expr* first = nullptr;
    for_each_child(*at, [&](const Expr& child) {
      if (!first || child.range.begin < first->range.begin) first = &child;
    });
    if (!first || first->range.begin != e.range.begin) return nullptr;
    at = first;
  }
  const auto& name = static_cast<const NameExpr&>(*at);
  // A parenthesised name's range covers its parentheses: `(Template)(...)` starts with `(`.
  if (at->range.begin != e.range.begin || at->range.end - at->range.begin != name.name.size())
    return nullptr;
  return &name;
}

namespace {

// last_operand is the operand an operator expression ends with (what a call pasted after
// it binds to), or nullptr for a primary, which a pasted call wraps whole.
ExprPtr* last_operand(Expr& e) {
  switch (e.kind) {
    case ExprKind::Binary:
      return &static_cast<BinaryExpr&>(e).right;
    case ExprKind::BoolOp:
      return &static_cast<BoolOpExpr&>(e).values.back();
    case ExprKind::Compare:
      return &static_cast<CompareExpr&>(e).comparators.back();
    case ExprKind::IfExp:
      return &static_cast<IfExpExpr&>(e).orelse;
    case ExprKind::Unary:
      return &static_cast<UnaryExpr&>(e).operand;
    case ExprKind::Lambda:
      return &static_cast<LambdaExpr&>(e).body;
    case ExprKind::Tuple: {  // `a, b` without parentheses
      auto& elements = static_cast<SequenceExpr&>(e).elements;
      return elements.empty() ? nullptr : &elements.back();
    }
    default:
      return nullptr;
  }
}

}  // namespace

NameExpr* paste_apply_call(ExprPtr& func) {
  ExprPtr* target = &func;
  // An operand that ends before its operator expression does is followed by a closing
  // parenthesis there: the expression is parenthesised, and the call wraps it.
  for (ExprPtr* next;
       (next = last_operand(**target)) && *next && (*next)->range.end == (*target)->range.end;) {
    target = next;
  }
  if (target == &func) return nullptr;
  const SourceRange at = (*target)->range;
  auto name = std::make_unique<NameExpr>(at, kApplyBodyLocal);
  NameExpr* made = name.get();
  auto body = std::make_unique<CallExpr>(at, std::move(name));
  auto call = std::make_unique<CallExpr>(at, std::move(*target));
  call->args.push_back(Argument{ArgKind::Positional, "", std::move(body)});
  *target = std::move(call);
  return made;
}

}  // namespace squall::front
