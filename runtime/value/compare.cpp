// Truthiness, equality, ordering and membership with Python semantics.
#include <cmath>

#include "value/internal.hpp"

namespace squall::rt {
namespace {

bool is_intlike(const Value& v) {
  return v.is_int() || v.is_bool();
}

// Exact int/float comparison, as CPython does (no rounding of the int to double).
int cmp_int_float(std::int64_t i, double f) {
  if (f >= 9223372036854775808.0) return -1;
  if (f < -9223372036854775808.0) return 1;
  const double fl = std::floor(f);
  const auto fi = static_cast<std::int64_t>(fl);
  if (i < fi) return -1;
  if (i > fi) return 1;
  return f > fl ? -1 : 0;
}

// Numeric three-way compare; nullopt when either side is NaN.
std::optional<int> cmp_numbers(const Value& a, const Value& b) {
  if (is_intlike(a) && is_intlike(b)) return (a.as_int() > b.as_int()) - (a.as_int() < b.as_int());
  if (a.is_float() && std::isnan(a.as_float())) return std::nullopt;
  if (b.is_float() && std::isnan(b.as_float())) return std::nullopt;
  if (a.is_float() && b.is_float())
    return (a.as_float() > b.as_float()) - (a.as_float() < b.as_float());
  if (a.is_float()) return -cmp_int_float(b.as_int(), a.as_float());
  return cmp_int_float(a.as_int(), b.as_float());
}

bool seq_eq(const std::vector<Value>& a, const std::vector<Value>& b) {
  if (a.size() != b.size()) return false;
  DepthGuard guard;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!a[i].identical(b[i]) && !py::eq(a[i], b[i])) return false;
  return true;
}

bool dict_eq(const detail::DictData& a, const detail::DictData& b, bool values) {
  if (a.size() != b.size()) return false;
  DepthGuard guard;
  for (const auto& [k, v] : a.entries()) {
    const Value* other = b.find(k);
    if (!other || (values && !py::eq(v, *other))) return false;
  }
  return true;
}

[[noreturn]] void unordered(std::string_view op, const Value& a, const Value& b) {
  raise("TypeError", "'" + std::string(op) + "' not supported between instances of " +
                         quoted_type(a) + " and " + quoted_type(b));
}

bool subset(const detail::DictData& a, const detail::DictData& b) {
  for (const auto& kv : a.entries())
    if (!b.find(kv.first)) return false;
  return true;
}

// Ordering for `op`: returns a<b as -1, a==b as 0, a>b as 1; nullopt for NaN.
std::optional<int> order(const Value& a, const Value& b, std::string_view op) {
  if (a.is_number() && b.is_number()) return cmp_numbers(a, b);
  if (a.is_str() && b.is_str()) {
    const int c = a.as_str().compare(b.as_str());
    return (c > 0) - (c < 0);
  }
  if ((a.is_list() && b.is_list()) || (a.is_tuple() && b.is_tuple())) {
    const auto& x = a.as_items();
    const auto& y = b.as_items();
    DepthGuard guard;
    for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
      if (x[i].identical(y[i]) || py::eq(x[i], y[i])) continue;
      return order(x[i], y[i], op);
    }
    return (x.size() > y.size()) - (x.size() < y.size());
  }
  if (a.is_object())
    if (auto c = a.as_object().compare(b)) return c;
  if (b.is_object())
    if (auto c = b.as_object().compare(a)) return -*c;
  unordered(op, a, b);
}

bool set_order(const Value& a, const Value& b, std::string_view op) {
  const auto& x = a.as_dict();
  const auto& y = b.as_dict();
  if (op == "<") return x.size() < y.size() && subset(x, y);
  if (op == "<=") return subset(x, y);
  if (op == ">") return x.size() > y.size() && subset(y, x);
  return subset(y, x);
}

}  // namespace

int compare(const Value& a, const Value& b) {
  auto c = order(a, b, "<");
  return c ? *c : 0;
}

}  // namespace squall::rt

namespace squall::py {

using namespace squall::rt;

bool truthy(const Value& v) {
  switch (v.kind()) {
    case Kind::None:
      return false;
    case Kind::Bool:
    case Kind::Int:
      return v.as_int() != 0;
    case Kind::Float:
      return v.as_float() != 0;
    case Kind::Str:
      return !v.as_str().empty();
    case Kind::List:
    case Kind::Tuple:
      return !v.as_items().empty();
    case Kind::Dict:
    case Kind::Set:
      return v.as_dict().size() != 0;
    case Kind::Object:
      return v.as_object().truthy();
    default:
      return true;
  }
}

bool eq(const Value& a, const Value& b) {
  if (a.is_number() && b.is_number()) {
    auto c = cmp_numbers(a, b);
    return c && *c == 0;
  }
  if (a.is_str() && b.is_str()) return a.as_str() == b.as_str();
  if (a.kind() != b.kind() && !a.is_object() && !b.is_object()) return false;
  switch (a.kind()) {
    case Kind::None:
      return true;
    case Kind::List:
    case Kind::Tuple:
      return seq_eq(a.as_items(), b.as_items());
    case Kind::Dict:
      return dict_eq(a.as_dict(), b.as_dict(), true);
    case Kind::Set:
      return dict_eq(a.as_dict(), b.as_dict(), false);
    default:
      break;
  }
  if (a.is_object())
    if (auto r = a.as_object().eq(b)) return *r;
  if (b.is_object())
    if (auto r = b.as_object().eq(a)) return *r;
  return a.identical(b);
}

bool ne(const Value& a, const Value& b) {
  return !eq(a, b);
}

bool lt(const Value& a, const Value& b) {
  if (a.is_set() && b.is_set()) return set_order(a, b, "<");
  auto c = order(a, b, "<");
  return c && *c < 0;
}
bool le(const Value& a, const Value& b) {
  if (a.is_set() && b.is_set()) return set_order(a, b, "<=");
  auto c = order(a, b, "<=");
  return c && *c <= 0;
}
bool gt(const Value& a, const Value& b) {
  if (a.is_set() && b.is_set()) return set_order(a, b, ">");
  auto c = order(a, b, ">");
  return c && *c > 0;
}
bool ge(const Value& a, const Value& b) {
  if (a.is_set() && b.is_set()) return set_order(a, b, ">=");
  auto c = order(a, b, ">=");
  return c && *c >= 0;
}

bool contains(const Value& container, const Value& item) {
  switch (container.kind()) {
    case Kind::Str:
      if (!item.is_str())
        raise("TypeError",
              "'in <string>' requires string as left operand, not " + std::string(type_name(item)));
      return container.as_str().find(item.as_str()) != std::string_view::npos;
    case Kind::List:
    case Kind::Tuple:
      for (const auto& x : container.as_items())
        if (x.identical(item) || eq(x, item)) return true;
      return false;
    case Kind::Dict:
    case Kind::Set:
      return container.as_dict().find(item) != nullptr;
    default:
      break;
  }
  if (auto r = range_parts(container)) {
    if (!item.is_number()) return false;
    const auto [start, stop, step] = *r;
    if (item.is_float()) {
      const double d = item.as_float();
      if (!std::isfinite(d) || d != std::floor(d) || std::fabs(d) > 9e18) return false;
    }
    const std::int64_t i =
        item.is_float() ? static_cast<std::int64_t>(item.as_float()) : item.as_int();
    const bool inside = step > 0 ? (i >= start && i < stop) : (i <= start && i > stop);
    return inside && (static_cast<__int128>(i) - start) % step == 0;
  }
  if (container.is_object() || container.kind() == Kind::Iterator) {
    auto it = iter(container);
    while (auto x = it.next())
      if (x->identical(item) || eq(*x, item)) return true;
    return false;
  }
  raise("TypeError", "argument of type " + quoted_type(container) + " is not iterable");
}

bool is_(const Value& a, const Value& b) {
  return a.identical(b);
}

std::size_t hash(const Value& v) {
  return detail::hash_key(v);
}

}  // namespace squall::py
