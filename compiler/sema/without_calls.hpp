// without_calls: whether evaluating an expression can run template code or C++ callbacks
// that could rebind a local or mutate a container. Both back ends read values in place
// (without a copy) across the evaluation of such expressions, so they ask this one
// question the same way.
#pragma once

#include "expr/expr_ast.hpp"

namespace squall::front {

/// without_calls is true when nothing in `e` calls anything: names, constants, attribute
/// and item reads (not slices), and operators on those (operators on Values never run
/// template code).
bool without_calls(const Expr& e);

}  // namespace squall::front
