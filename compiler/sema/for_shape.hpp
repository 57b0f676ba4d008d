// The shape of a `for` loop that both back ends lower the same way (render::ForIter):
// whether it iterates `enumerate(X)` and whether its target is a fixed-length tuple.
#pragma once

#include <cstddef>

#include "ast/ast.hpp"

namespace squall::front {

struct ForShape {
  /// When the iterable is `enumerate(X)` by its syntax: the callee and X (both non-null).
  /// Whether the callee is the builtin is known only at render time; ForIter checks.
  const Expr* enumerate_fn = nullptr;
  const Expr* enumerate_arg = nullptr;
  /// N for a target `a, b, ...` of N elements without a starred one, else 0.
  std::size_t unpack_count = 0;
};

ForShape for_shape(const ForNode& node);

}  // namespace squall::front
