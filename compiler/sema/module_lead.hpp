// The name a `{% module EXPR %}` tag reads from the UI modules. Tornado compiles the tag as
// the text `_tt_modules.` + EXPR, so the attribute attaches to EXPR's first token:
// `{% module Template('a') if c else Template('b') %}` reads `_tt_modules.Template` on the
// left only, and an expression that starts with anything but a name (a literal, a bracket, a
// parenthesis, `not`, `lambda`) is a SyntaxError there.
#pragma once

#include "expr/expr_ast.hpp"

namespace squall::front {

/// module_lead returns the name that is the first token of the module expression `e`, or
/// nullptr when its first token is not a name.
const NameExpr* module_lead(const Expr& e);
inline NameExpr* module_lead(Expr& e) {
  return const_cast<NameExpr*>(module_lead(static_cast<const Expr&>(e)));
}

}  // namespace squall::front
