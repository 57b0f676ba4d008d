// The runtime function of each binary and comparison operator, in one table for both back
// ends: the interpreter calls `fn`, the code generator writes `cpp_name`.
#pragma once

#include "expr/expr_ast.hpp"
#include "squall/value.hpp"

namespace squall::front {

/// BinaryFunction is the runtime function of a binary operator.
struct BinaryFunction {
  Value (*fn)(const Value&, const Value&);
  const char* cpp_name;
};

/// binary_function returns `op`'s function; `augmented` is `x op= y`, Python's in-place
/// operator (render::inplace_add, ...: lists, sets and dicts change in place).
BinaryFunction binary_function(BinaryOp op, bool augmented = false);

/// CompareFunction is the runtime test of a comparison operator (`a op b`, operands in
/// source order: `in` tests whether a is in b).
struct CompareFunction {
  bool (*fn)(const Value&, const Value&);
  const char* cpp_name;
};

/// compare_function returns `op`'s test.
CompareFunction compare_function(CompareOp op);

}  // namespace squall::front
