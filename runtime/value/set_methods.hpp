// set and frozenset operations with CPython's construction order (set_methods.cpp). Internal.
#pragma once

#include <optional>
#include <vector>

#include "value/internal.hpp"

namespace squall::rt {

/// is_frozenset: a set Value made immutable (repr `frozenset({...})`, hashable).
bool is_frozenset(const Value& v);
/// new_set is an empty set or frozenset.
Value new_set(bool frozen);
/// set_update adds the keys of any iterable, as set.update (and set(iterable)) do.
void set_update(const Value& self, const Value& iterable);
/// copy_set is set(iterable) or frozenset(iterable).
Value copy_set(const Value& iterable, bool frozen);
/// set_of_constants is py::set_of_constants.
Value set_of_constants(std::vector<Value> items);
/// set_binary is `a | b`, `a & b`, `a - b`, `a ^ b` for a set `a` (TypeError unless `b` is a
/// set or frozenset); the result has `a`'s type.
Value set_binary(const Value& a, const Value& b, char op);
/// set_inplace is `a |= b` (and &=, -=, ^=): a set changes in place, a frozenset rebinds.
Value set_inplace(const Value& a, const Value& b, char op);
/// call_set_method calls a set method; nullopt when there is none.
std::optional<Value> call_set_method(const Value& self, std::string_view name, Args args,
                                     KwArgs kwargs);

}  // namespace squall::rt
