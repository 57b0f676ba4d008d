// constant_value: the runtime Value of a literal, shared by the interpreter's plan (its
// constant table) and the module-folder check (ast.literal_eval of defaults).
#pragma once

#include "ast/ast.hpp"
#include "squall/value.hpp"

namespace squall::front {

/// constant_value is the Value of a constant expression (None, bool, int, float, str).
Value constant_value(const ConstantExpr& c);

}  // namespace squall::front
