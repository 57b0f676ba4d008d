// Tags whose expression Tornado pastes into generated Python as text, so that operator
// precedence, not the expression's structure, decides what the pasted part applies to:
//
//   {% module EXPR %}  ->  _tt_modules.EXPR
//     The attribute attaches to EXPR's first token: `{% module Template('a') if c else
//     Template('b') %}` reads `_tt_modules.Template` on the left only, and an expression
//     that starts with anything but a name (a literal, a bracket, a parenthesis, `not`,
//     `lambda`) is a SyntaxError there.
//   {% apply EXPR %}   ->  _tt_utf8(EXPR(_tt_apply0()))
//     The call attaches to EXPR's last primary: `{% apply lambda s: s %}` is `lambda s:
//     s(_tt_apply0())`, a function, so writing it is a TypeError; `{% apply a if c else b
//     %}` calls only `b` and writes `a` as it is. The body runs only if that call runs.
#pragma once

#include "expr/expr_ast.hpp"

namespace squall::front {

/// module_lead returns the name that is the first token of the module expression `e`, or
/// nullptr when its first token is not a name.
const NameExpr* module_lead(const Expr& e);
inline NameExpr* module_lead(Expr& e) {
  return const_cast<NameExpr*>(module_lead(static_cast<const Expr&>(e)));
}

/// kApplyBodyLocal is the local that holds an apply body's function (Tornado's
/// `_tt_apply0`) while a pasted apply expression runs; no template can spell its name, so
/// the function cannot outlive the tag.
inline constexpr const char* kApplyBodyLocal = "(apply body)";
/// kApplyBodyFunction is that function's name.
inline constexpr const char* kApplyBodyFunction = "_tt_apply0";

/// paste_apply_call rewrites `func`, an apply tag's expression, as Tornado's text
/// `func(_tt_apply0())` parses, when the call does not wrap all of it: the last primary P
/// becomes `P(_tt_apply0())`. Returns the kApplyBodyLocal name it made, or nullptr when the call
/// wraps the whole expression (`f`, `a.b`, `f(1)`, `(lambda s: s)`), which is left as is.
NameExpr* paste_apply_call(ExprPtr& func);

}  // namespace squall::front
