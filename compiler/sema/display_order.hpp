// The order in which a dict display evaluates and inserts, decided once for both back ends.
//
// CPython 3.11 evaluates a display's keys and values left to right, each key before its
// value, but inserts them in runs: a run of up to 15 `key: value` pairs is evaluated whole
// and then inserted (so in `{[]: f()}` f() runs before the unhashable key fails), a longer
// run inserts pair by pair, and each `**mapping` is merged when it is reached.
#pragma once

#include <cstddef>
#include <vector>

#include "expr/expr_ast.hpp"

namespace squall::front {

/// DictStep is one step of building a dict display.
struct DictStep {
  enum class Kind {
    Pairs,  ///< evaluate pairs [begin, end), key before value, then insert them in order
    Merge,  ///< evaluate `**values[begin]` and merge it (a mapping, else TypeError)
  };
  Kind kind = Kind::Pairs;
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// dict_steps returns the steps that build `d`, in order (none for `{}`).
std::vector<DictStep> dict_steps(const DictExpr& d);

}  // namespace squall::front
