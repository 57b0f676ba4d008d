// set and frozenset: construction, operators and methods, each the way CPython 3.11's
// Objects/setobject.c does it, because the order a set iterates in depends on how it was
// built (value/set_table.hpp).
#include "value/set_methods.hpp"

#include <algorithm>

#include "value/set_table.hpp"

namespace squall::rt {
namespace {

detail::SetTable& table(const Value& s) {
  return *s.as_dict().set_table();
}

void add_key(const Value& s, const Value& key) {
  s.as_dict().set(key, Value());
}

bool has(const Value& s, const Value& key) {
  return s.as_dict().find(key) != nullptr;
}

// Shrinks away dummies when more than a quarter of the table is deleted slots, as
// set_difference_update_internal does.
void compact(const Value& s) {
  if (table(s).compact()) s.as_dict().sync_set_order();
}

const Value& require_set(const Value& other, std::string_view op, const Value& self) {
  if (!other.is_set()) {
    raise("TypeError", "unsupported operand type(s) for " + std::string(op) + ": " +
                           quoted_type(self) + " and " + quoted_type(other));
  }
  return other;
}

void check_mutable(const Value& self, std::string_view method) {
  if (is_frozenset(self)) {
    raise("AttributeError", "'frozenset' object has no attribute '" + std::string(method) + "'");
  }
}

Value intersection(const Value& so, const Value& other) {
  if (so.identical(other)) return copy_set(so, is_frozenset(so));
  Value result = new_set(is_frozenset(so));
  if (other.is_set()) {
    const bool swap = other.as_dict().size() > so.as_dict().size();
    const Value& big = swap ? other : so;
    const Value& small = swap ? so : other;
    for (const auto& kv : small.as_dict().entries()) {
      if (has(big, kv.first)) add_key(result, kv.first);
    }
    return result;
  }
  auto it = py::iter(other);
  while (auto key = it.next()) {
    if (has(so, *key)) add_key(result, *key);
  }
  return result;
}

void difference_update(const Value& so, const Value& other) {
  if (so.identical(other)) return so.as_dict().clear();
  if (other.is_set()) {
    const Value keys =
        (other.as_dict().size() >> 3) > so.as_dict().size() ? intersection(so, other) : other;
    for (const auto& kv : keys.as_dict().entries()) so.as_dict().erase(kv.first);
  } else {
    auto it = py::iter(other);
    while (auto key = it.next()) so.as_dict().erase(*key);
  }
  compact(so);
}

Value difference(const Value& so, const Value& other) {
  std::size_t other_size = 0;
  if (other.is_set() || other.is_dict()) {
    other_size = other.as_dict().size();
  }
  if (!(other.is_set() || other.is_dict()) || (so.as_dict().size() >> 2) > other_size) {
    Value result = copy_set(so, is_frozenset(so));
    difference_update(result, other);
    return result;
  }
  Value result = new_set(is_frozenset(so));
  for (const auto& kv : so.as_dict().entries()) {
    if (!has(other, kv.first)) add_key(result, kv.first);
  }
  return result;
}

void symmetric_difference_update(const Value& so, const Value& other) {
  if (so.identical(other)) return so.as_dict().clear();
  const Value keys = other.is_set() || other.is_dict() ? other : copy_set(other, is_frozenset(so));
  // Snapshot: `other` may be `so` seen through a dict view; the keys are read first.
  const auto entries = keys.as_dict().entries();
  for (const auto& kv : entries) {
    if (!so.as_dict().erase(kv.first)) add_key(so, kv.first);
  }
}

bool is_subset(const Value& so, const Value& other) {
  const Value o = other.is_set() ? other : copy_set(other, false);
  if (so.as_dict().size() > o.as_dict().size()) return false;
  for (const auto& kv : so.as_dict().entries()) {
    if (!has(o, kv.first)) return false;
  }
  return true;
}

bool is_superset(const Value& so, const Value& other) {
  if (other.is_set()) return is_subset(other, so);
  auto it = py::iter(other);
  while (auto key = it.next()) {
    if (!has(so, *key)) return false;
  }
  return true;
}

bool is_disjoint(const Value& so, const Value& other) {
  auto it = py::iter(other);
  while (auto key = it.next()) {
    if (has(so, *key)) return false;
  }
  return true;
}

}  // namespace

bool is_frozenset(const Value& v) {
  return v.is_set() && v.as_dict().set_table()->frozen;
}

Value new_set(bool frozen) {
  Value s = Value::set();
  table(s).frozen = frozen;
  return s;
}

void set_update(const Value& self, const Value& other) {
  auto& d = self.as_dict();
  if (other.is_set()) {
    table(self).merge(table(other));
    return d.sync_set_order();
  }
  if (other.is_dict()) {
    // A dict's keys are added after one resize for all of them.
    table(self).reserve_for(other.as_dict().size());
    d.sync_set_order();
    const auto entries = other.as_dict().entries();
    for (const auto& kv : entries) add_key(self, kv.first);
    return;
  }
  auto it = py::iter(other);
  while (auto key = it.next()) add_key(self, *key);
}

Value copy_set(const Value& iterable, bool frozen) {
  Value s = new_set(frozen);
  set_update(s, iterable);
  return s;
}

Value set_of_constants(std::vector<Value> items) {
  // CPython compiles a display of three or more constants to a frozenset constant that
  // BUILD_SET/SET_UPDATE merge into a new set. The compiler's constant cache rebuilds that
  // frozenset once from its own iteration order, and each step can reorder the keys.
  Value first = new_set(true);
  for (const Value& x : items) add_key(first, x);
  Value constant = new_set(true);
  for (const auto& kv : first.as_dict().entries()) add_key(constant, kv.first);
  return copy_set(constant, false);
}

Value set_binary(const Value& a, const Value& b, char op) {
  const std::string sym(1, op);
  require_set(b, sym, a);
  switch (op) {
    case '|': {
      Value result = copy_set(a, is_frozenset(a));
      set_update(result, b);
      return result;
    }
    case '&':
      return intersection(a, b);
    case '-':
      return difference(a, b);
    default: {
      Value result = copy_set(b, is_frozenset(a));
      symmetric_difference_update(result, a);
      return result;
    }
  }
}

Value set_inplace(const Value& a, const Value& b, char op) {
  if (is_frozenset(a) || !b.is_set()) return set_binary(a, b, op);
  switch (op) {
    case '|':
      set_update(a, b);
      break;
    case '&': {
      const Value r = intersection(a, b);
      a.as_dict().clear();
      set_update(a, r);
      break;
    }
    case '-':
      difference_update(a, b);
      break;
    default:
      symmetric_difference_update(a, b);
      break;
  }
  return a;
}

std::optional<Value> call_set_method(const Value& self, std::string_view name, Args args,
                                     KwArgs kwargs) {
  no_kwargs(name, kwargs);
  auto& d = self.as_dict();
  const auto one = [&] { check_arity(name, args, 1, 1); };
  if (name == "copy") {
    check_arity(name, args, 0, 0);
    return is_frozenset(self) ? self : copy_set(self, false);
  }
  if (name == "union") {
    Value result = copy_set(self, is_frozenset(self));
    for (const Value& a : args) set_update(result, a);
    return result;
  }
  if (name == "intersection") {
    if (args.empty()) return copy_set(self, is_frozenset(self));
    Value result = self;
    for (const Value& a : args) result = intersection(result, a);
    return result;
  }
  if (name == "difference") {
    if (args.empty()) return copy_set(self, is_frozenset(self));
    Value result = difference(self, args[0]);
    for (const Value& a : args.subspan(1)) difference_update(result, a);
    return result;
  }
  if (name == "symmetric_difference") {
    one();
    Value result = copy_set(args[0], is_frozenset(self));
    symmetric_difference_update(result, self);
    return result;
  }
  if (name == "issubset") return one(), Value(is_subset(self, args[0]));
  if (name == "issuperset") return one(), Value(is_superset(self, args[0]));
  if (name == "isdisjoint") return one(), Value(is_disjoint(self, args[0]));
  check_mutable(self, name);
  if (name == "add") return one(), add_key(self, args[0]), Value();
  if (name == "discard") return one(), d.erase(args[0]), Value();
  if (name == "remove") {
    one();
    if (!d.erase(args[0])) raise("KeyError", py::repr(args[0]));
    return Value();
  }
  if (name == "pop") {
    check_arity(name, args, 0, 0);
    if (d.size() == 0) raise("KeyError", "'pop from an empty set'");
    const Value key = table(self).pop().second;
    d.sync_set_order();
    return key;
  }
  if (name == "clear") return check_arity(name, args, 0, 0), d.clear(), Value();
  if (name == "update") {
    for (const Value& a : args) set_update(self, a);
    return Value();
  }
  if (name == "difference_update") {
    for (const Value& a : args) difference_update(self, a);
    return Value();
  }
  if (name == "intersection_update") {
    Value result = self;
    for (const Value& a : args) result = intersection(result, a);
    d.clear();
    set_update(self, result);
    return Value();
  }
  if (name == "symmetric_difference_update") {
    one();
    symmetric_difference_update(self, args[0]);
    return Value();
  }
  return std::nullopt;
}

}  // namespace squall::rt

namespace squall::py {

Value set_of_constants(std::vector<Value> items) {
  return rt::set_of_constants(std::move(items));
}

}  // namespace squall::py
