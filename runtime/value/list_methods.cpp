// list and tuple methods, and the sort shared with sorted().
#include <algorithm>

#include "value/internal.hpp"

namespace squall::rt {

void sort_values(std::vector<Value>& items, const Value* key, bool reverse) {
  if (key && !key->is_none()) {
    std::vector<std::pair<Value, Value>> keyed;
    keyed.reserve(items.size());
    for (auto& x : items) keyed.emplace_back(py::call(*key, std::span(&x, 1)), x);
    std::stable_sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) {
      return reverse ? py::lt(b.first, a.first) : py::lt(a.first, b.first);
    });
    for (std::size_t i = 0; i < items.size(); ++i) items[i] = std::move(keyed[i].second);
    return;
  }
  // Ints (sorted(range(n)), ids, years) compare without py::lt and cannot throw: sorted in
  // place, and an already sorted list (Python's timsort is linear on it) costs one pass.
  if (std::all_of(items.begin(), items.end(), [](const Value& v) { return v.is_int(); })) {
    const auto less = [reverse](const Value& a, const Value& b) {
      return reverse ? b.as_int() < a.as_int() : a.as_int() < b.as_int();
    };
    if (!std::is_sorted(items.begin(), items.end(), less))
      std::sort(items.begin(), items.end(), less);
    return;
  }
  // Sort a copy: a comparison that throws (TypeError) must leave `items` whole.
  std::vector<Value> sorted = items;
  std::stable_sort(sorted.begin(), sorted.end(), [&](const Value& a, const Value& b) {
    return reverse ? py::lt(b, a) : py::lt(a, b);
  });
  items.swap(sorted);
}

namespace {

std::size_t norm_index(std::int64_t i, std::size_t n, bool clamp) {
  const auto sn = static_cast<std::int64_t>(n);
  if (i < 0) i += sn;
  if (clamp) i = std::clamp<std::int64_t>(i, 0, sn);
  return static_cast<std::size_t>(i);
}

Value list_index(const Value& self, Args args) {
  check_arity("index", args, 1, 3);
  const auto& items = self.as_items();
  std::size_t start = 0, stop = items.size();
  if (args.size() > 1) start = norm_index(to_index(args[1], "slice indices"), items.size(), true);
  if (args.size() > 2) stop = norm_index(to_index(args[2], "slice indices"), items.size(), true);
  for (std::size_t i = start; i < stop && i < items.size(); ++i)
    if (items[i].identical(args[0]) || py::eq(items[i], args[0]))
      return Value(static_cast<std::int64_t>(i));
  if (self.is_tuple()) raise("ValueError", "tuple.index(x): x not in tuple");
  raise("ValueError", py::repr(args[0]) + " is not in list");
}

Value list_count(const Value& self, Args args) {
  check_arity("count", args, 1, 1);
  std::int64_t n = 0;
  for (const auto& x : self.as_items()) n += x.identical(args[0]) || py::eq(x, args[0]);
  return Value(n);
}

Value list_pop(const Value& self, Args args) {
  check_arity("pop", args, 0, 1);
  auto& items = self.as_items();
  if (items.empty()) raise("IndexError", "pop from empty list");
  std::int64_t i = args.empty() ? -1 : to_index(args[0], "list indices");
  if (i < 0) i += static_cast<std::int64_t>(items.size());
  if (i < 0 || i >= static_cast<std::int64_t>(items.size()))
    raise("IndexError", "pop index out of range");
  Value out = std::move(items[static_cast<std::size_t>(i)]);
  items.erase(items.begin() + i);
  return out;
}

Value list_remove(const Value& self, Args args) {
  check_arity("remove", args, 1, 1);
  auto& items = self.as_items();
  for (auto it = items.begin(); it != items.end(); ++it) {
    if (it->identical(args[0]) || py::eq(*it, args[0])) {
      items.erase(it);
      return Value();
    }
  }
  raise("ValueError", "list.remove(x): x not in list");
}

Value list_mutate(const Value& self, std::string_view name, Args args) {
  auto& items = self.as_items();
  if (name == "append") {
    check_arity(name, args, 1, 1);
    items.push_back(args[0]);
  } else if (name == "extend") {
    check_arity(name, args, 1, 1);
    std::vector<Value> more = py::to_vector(args[0]);  // copy first: `a.extend(a)`
    items.insert(items.end(), more.begin(), more.end());
  } else if (name == "insert") {
    check_arity(name, args, 2, 2);
    const std::size_t at = norm_index(to_index(args[0], "list indices"), items.size(), true);
    items.insert(items.begin() + static_cast<std::ptrdiff_t>(at), args[1]);
  } else if (name == "reverse") {
    check_arity(name, args, 0, 0);
    std::reverse(items.begin(), items.end());
  } else if (name == "clear") {
    check_arity(name, args, 0, 0);
    items.clear();
  } else if (name == "copy") {
    check_arity(name, args, 0, 0);
    return Value::list(items);
  }
  return Value();
}

}  // namespace

std::optional<Value> call_list_method(const Value& self, std::string_view name, Args args,
                                      KwArgs kwargs) {
  if (!has_method(self.kind(), name)) return std::nullopt;
  if (name == "sort") {
    check_arity("sort", args, 0, 0);
    const Value* rev = kwarg(kwargs, "reverse");
    sort_values(self.as_items(), kwarg(kwargs, "key"), rev && py::truthy(*rev));
    return Value();
  }
  no_kwargs(name, kwargs);
  if (name == "index") return list_index(self, args);
  if (name == "count") return list_count(self, args);
  if (name == "pop") return list_pop(self, args);
  if (name == "remove") return list_remove(self, args);
  return list_mutate(self, name, args);
}

}  // namespace squall::rt
