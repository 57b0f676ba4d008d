// downcast: the AST's one checked-by-kind cast, shared by the node and expression walkers
// so that one walker serves const and mutable trees alike.
#pragma once

#include <type_traits>

namespace squall::front {

/// downcast casts `x` (a Node or an Expr whose kind says it is a T) to T, keeping its
/// constness.
template <class T, class From>
auto& downcast(From& x) {
  if constexpr (std::is_const_v<From>) {
    return static_cast<const T&>(x);
  } else {
    return static_cast<T&>(x);
  }
}

}  // namespace squall::front
