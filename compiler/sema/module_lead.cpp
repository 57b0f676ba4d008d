#include "sema/module_lead.hpp"

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

}  // namespace squall::front
