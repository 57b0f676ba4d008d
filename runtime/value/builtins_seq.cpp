// Builtins over iterables: sorted reversed enumerate zip map filter min max sum any all.
#include <algorithm>
#include <memory>

#include "value/builtins.hpp"
#include "value/internal.hpp"

namespace squall::rt {
namespace {

bool bool_kwarg(KwArgs kwargs, std::string_view name) {
  const Value* v = kwarg(kwargs, name);
  return v && py::truthy(*v);
}

void only_kwargs(std::string_view fn, KwArgs kwargs, std::initializer_list<std::string_view> ok) {
  for (const auto& kw : kwargs) {
    if (std::find(ok.begin(), ok.end(), kw.name) == ok.end())
      raise("TypeError", "'" + std::string(kw.name) + "' is an invalid keyword argument for " +
                             std::string(fn) + "()");
  }
}

// reversed(range): counts down lazily instead of building the list.
Value reversed_range(const std::array<std::int64_t, 3>& r) {
  const std::int64_t start = r[0], step = r[2];
  const __int128 lo = start, hi = r[1], st = step;
  __int128 n = 0;
  if (st > 0 && lo < hi) n = (hi - lo - 1) / st + 1;
  if (st < 0 && lo > hi) n = (lo - hi - 1) / (-st) + 1;
  auto left = std::make_shared<unsigned __int128>(n);
  return Value::generator([left, start, step]() -> std::optional<Value> {
    if (*left == 0) return std::nullopt;
    --*left;
    return Value(static_cast<std::int64_t>(start + static_cast<__int128>(*left) * step));
  });
}

}  // namespace

Value b_sorted(Args args, KwArgs kwargs) {
  check_arity("sorted", args, 1, 1);
  only_kwargs("sorted", kwargs, {"key", "reverse"});
  std::vector<Value> items = py::to_vector(args[0]);
  sort_values(items, kwarg(kwargs, "key"), bool_kwarg(kwargs, "reverse"));
  return Value::list(std::move(items));
}

Value b_reversed(Args args, KwArgs kwargs) {
  check_arity("reversed", args, 1, 1);
  no_kwargs("reversed", kwargs);
  const Value& v = args[0];
  if (!v.is_list() && !v.is_tuple() && !v.is_str() && !v.is_dict() && !range_parts(v))
    raise("TypeError", quoted_type(v) + " object is not reversible");
  if (auto r = range_parts(v)) return reversed_range(*r);
  auto items = std::make_shared<std::vector<Value>>(py::to_vector(v));
  return Value::generator([items]() -> std::optional<Value> {
    if (items->empty()) return std::nullopt;
    Value out = std::move(items->back());
    items->pop_back();
    return out;
  });
}

Value b_enumerate(Args args, KwArgs kwargs) {
  check_arity("enumerate", args, 1, 2);
  const Value* start = arg(args, kwargs, 1, "start");
  auto it = std::make_shared<py::Iterator>(py::iter(args[0]));
  // The next index, or nullopt once it passed INT64_MAX (an error only if an item needs it).
  auto n = std::make_shared<std::optional<std::int64_t>>(start ? to_index(*start, "enumerate start")
                                                               : 0);
  return Value::generator([it, n]() -> std::optional<Value> {
    auto x = it->next();
    if (!x) return std::nullopt;
    if (!*n) raise("OverflowError", "Python int too large to convert to C int64 (enumerate index)");
    const std::int64_t i = **n;
    *n = i == INT64_MAX ? std::nullopt : std::optional<std::int64_t>(i + 1);
    return Value::tuple({Value(i), std::move(*x)});
  });
}

Value b_zip(Args args, KwArgs kwargs) {
  no_kwargs("zip", kwargs);
  auto its = std::make_shared<std::vector<py::Iterator>>();
  for (const auto& a : args) its->push_back(py::iter(a));
  return Value::generator([its]() -> std::optional<Value> {
    if (its->empty()) return std::nullopt;
    std::vector<Value> row;
    for (auto& it : *its) {
      auto x = it.next();
      if (!x) return std::nullopt;
      row.push_back(std::move(*x));
    }
    return Value::tuple(std::move(row));
  });
}

Value b_map(Args args, KwArgs kwargs) {
  no_kwargs("map", kwargs);
  if (args.size() < 2) raise("TypeError", "map() must have at least two arguments.");
  Value f = args[0];
  auto its = std::make_shared<std::vector<py::Iterator>>();
  for (const auto& a : args.subspan(1)) its->push_back(py::iter(a));
  return Value::generator([f, its]() -> std::optional<Value> {
    std::vector<Value> row;
    for (auto& it : *its) {
      auto x = it.next();
      if (!x) return std::nullopt;
      row.push_back(std::move(*x));
    }
    return py::call(f, row);
  });
}

Value b_filter(Args args, KwArgs kwargs) {
  check_arity("filter", args, 2, 2);
  no_kwargs("filter", kwargs);
  Value f = args[0];
  auto it = std::make_shared<py::Iterator>(py::iter(args[1]));
  return Value::generator([f, it]() -> std::optional<Value> {
    while (auto x = it->next()) {
      if (f.is_none() ? py::truthy(*x) : py::truthy(py::call(f, std::span(&*x, 1)))) return x;
    }
    return std::nullopt;
  });
}

Value min_max(std::string_view name, Args args, KwArgs kwargs, bool is_max) {
  only_kwargs(name, kwargs, {"key", "default"});
  if (args.empty()) raise("TypeError", std::string(name) + " expected at least 1 argument, got 0");
  const Value* key = kwarg(kwargs, "key");
  const Value* dflt = kwarg(kwargs, "default");
  if (args.size() > 1 && dflt)
    raise("TypeError", "Cannot specify a default for " + std::string(name) +
                           "() with multiple positional arguments");
  std::vector<Value> items =
      args.size() == 1 ? py::to_vector(args[0]) : std::vector<Value>(args.begin(), args.end());
  if (items.empty()) {
    if (dflt) return *dflt;
    raise("ValueError", std::string(name) + "() arg is an empty sequence");
  }
  auto k = [&](const Value& v) {
    return key && !key->is_none() ? py::call(*key, std::span(&v, 1)) : v;
  };
  std::size_t best = 0;
  Value best_key = k(items[0]);
  for (std::size_t i = 1; i < items.size(); ++i) {
    Value ki = k(items[i]);
    if (is_max ? py::gt(ki, best_key) : py::lt(ki, best_key)) {
      best = i;
      best_key = std::move(ki);
    }
  }
  return items[best];
}

Value b_min(Args args, KwArgs kwargs) {
  return min_max("min", args, kwargs, false);
}
Value b_max(Args args, KwArgs kwargs) {
  return min_max("max", args, kwargs, true);
}

Value b_sum(Args args, KwArgs kwargs) {
  check_arity("sum", args, 1, 2);
  const Value* start = arg(args, kwargs, 1, "start");
  Value total = start ? *start : Value(0);
  if (total.is_str()) raise("TypeError", "sum() can't sum strings [use ''.join(seq) instead]");
  auto it = py::iter(args[0]);
  while (auto x = it.next()) total = py::add(total, *x);
  return total;
}

Value b_any(Args args, KwArgs kwargs) {
  check_arity("any", args, 1, 1);
  no_kwargs("any", kwargs);
  auto it = py::iter(args[0]);
  while (auto x = it.next())
    if (py::truthy(*x)) return Value(true);
  return Value(false);
}

Value b_all(Args args, KwArgs kwargs) {
  check_arity("all", args, 1, 1);
  no_kwargs("all", kwargs);
  auto it = py::iter(args[0]);
  while (auto x = it.next())
    if (!py::truthy(*x)) return Value(false);
  return Value(true);
}

}  // namespace squall::rt
