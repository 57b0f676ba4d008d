// Which set displays CPython builds from a frozenset constant.
#pragma once

#include "expr/expr_ast.hpp"

namespace squall::front {

/// is_constant_set_display: a set display of three or more elements that CPython's AST
/// optimiser folds to constants (literals, unary and binary operators on them, tuples of
/// them). CPython compiles those through a frozenset constant, so the back ends build them
/// with py::set_of_constants: the order they iterate in can differ from element-by-element.
bool is_constant_set_display(const SequenceExpr& e);

}  // namespace squall::front
