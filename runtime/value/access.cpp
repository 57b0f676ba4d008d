// Attribute access, subscripts, slices and len().
#include <algorithm>
#include <cmath>

#include "value/internal.hpp"

namespace squall::rt {
namespace {

[[noreturn]] void no_attribute(const Value& v, std::string_view name) {
  raise("AttributeError", quoted_type(v) + " object has no attribute '" + std::string(name) + "'");
}

std::int64_t seq_index(const Value& v, const Value& key, std::int64_t n, std::string_view what) {
  if (!key.is_int() && !key.is_bool()) {
    if (v.is_str()) raise("TypeError", "string indices must be integers, not " + quoted_type(key));
    raise("TypeError", std::string(what) + " indices must be integers or slices, not " +
                           std::string(py::type_name(key)));
  }
  std::int64_t i = key.as_int();
  if (i < 0) i += n;
  if (i < 0 || i >= n)
    raise("IndexError", std::string(what == "str" ? "string" : what) + " index out of range");
  return i;
}

Value str_index(const Value& v, const Value& key) {
  std::string_view s = v.as_str();
  if (is_ascii(s)) {
    const std::int64_t i = seq_index(v, key, static_cast<std::int64_t>(s.size()), "str");
    return Value(s.substr(static_cast<std::size_t>(i), 1));
  }
  const auto offs = cp_offsets(s);
  const std::int64_t i = seq_index(v, key, static_cast<std::int64_t>(offs.size() - 1), "str");
  const auto at = static_cast<std::size_t>(i);
  return Value(s.substr(offs[at], offs[at + 1] - offs[at]));
}

struct SliceSpec {
  std::int64_t start, stop, step, count;
};

std::int64_t slice_bound(const std::optional<Value>& v, std::int64_t dflt) {
  if (!v || v->is_none()) return dflt;
  if (v->is_int() || v->is_bool()) return v->as_int();
  raise("TypeError", "slice indices must be integers or None or have an __index__ method");
}

// CPython's PySlice_Unpack + PySlice_AdjustIndices.
SliceSpec adjust(std::int64_t n, const std::optional<Value>& lo, const std::optional<Value>& hi,
                 const std::optional<Value>& st) {
  const std::int64_t step = slice_bound(st, 1);
  if (step == 0) raise("ValueError", "slice step cannot be zero");
  std::int64_t start = slice_bound(lo, step < 0 ? INT64_MAX : 0);
  std::int64_t stop = slice_bound(hi, step < 0 ? INT64_MIN : INT64_MAX);
  auto fix = [&](std::int64_t& x) {
    if (x < 0) {
      x = x < -n ? (step < 0 ? -1 : 0) : x + n;
    } else if (x >= n) {
      x = step < 0 ? n - 1 : n;
    }
  };
  fix(start);
  fix(stop);
  std::int64_t count = 0;
  if (step < 0 && stop < start) count = (start - stop - 1) / (-step) + 1;
  if (step > 0 && start < stop) count = (stop - start - 1) / step + 1;
  return {start, stop, step, count};
}

Value slice_str(std::string_view s, const SliceSpec& sp) {
  std::string out;
  if (is_ascii(s)) {
    if (sp.step == 1)
      return Value(
          s.substr(static_cast<std::size_t>(sp.start), static_cast<std::size_t>(sp.count)));
    for (std::int64_t i = 0, j = sp.start; i < sp.count; ++i, j += sp.step)
      out += s[static_cast<std::size_t>(j)];
    return Value(std::move(out));
  }
  const auto offs = cp_offsets(s);
  for (std::int64_t i = 0, j = sp.start; i < sp.count; ++i, j += sp.step) {
    const auto at = static_cast<std::size_t>(j);
    out.append(s, offs[at], offs[at + 1] - offs[at]);
  }
  return Value(std::move(out));
}

// assignment_index is the position `list[key] = x` and `del list[key]` change.
std::size_t assignment_index(const Value& list, const Value& key) {
  if (!key.is_int() && !key.is_bool())
    raise("TypeError",
          "list indices must be integers or slices, not " + std::string(py::type_name(key)));
  std::int64_t i = key.as_int();
  const auto n = static_cast<std::int64_t>(list.as_items().size());
  if (i < 0) i += n;
  if (i < 0 || i >= n) raise("IndexError", "list assignment index out of range");
  return static_cast<std::size_t>(i);
}

// sequence_fast is CPython's PySequence_Fast: the items of any iterable, with `message` as
// the TypeError when `v` is not iterable at all.
std::vector<Value> sequence_fast(const Value& v, const char* message) {
  if (!v.is_list() && !v.is_tuple()) {
    try {
      static_cast<void>(py::iter(v));
    } catch (const Error& e) {
      if (e.type() != "TypeError") throw;
      raise("TypeError", message);
    }
  }
  return py::to_vector(v);  // a copy: `l[:] = l` reads l before changing it
}

}  // namespace
}  // namespace squall::rt

namespace squall::py {

using namespace squall::rt;

std::optional<Value> getattr_opt(const Value& v, std::string_view name) {
  if ((!name.empty() && name[0] == '_') || v.is_object()) {
    if (auto r = getattr_special(v, name)) return r;
  }
  switch (v.kind()) {
    case Kind::Object:
      return v.as_object().getattr(name);
    case Kind::Dict:
      if (has_method(Kind::Dict, name)) return bound_method(v, name);
      if (const Value* x = v.as_dict().find_str(name)) return *x;
      return std::nullopt;
    case Kind::Bool:
    case Kind::Int:
      if (name == "real" || name == "numerator") return Value(v.as_int());
      if (name == "imag") return Value(0);
      if (name == "denominator") return Value(1);
      return std::nullopt;
    case Kind::Float:
      if (name == "real") return v;
      if (name == "imag") return Value(0.0);
      if (name == "is_integer") {
        const double d = v.as_float();
        return Value::function("is_integer", [d](Args, KwArgs) {
          return Value(std::isfinite(d) && d == std::floor(d));
        });
      }
      return std::nullopt;
    default:
      if (has_method(v.kind(), name)) return bound_method(v, name);
      return std::nullopt;
  }
}

Value getattr(const Value& v, std::string_view name) {
  if (auto r = getattr_opt(v, name)) return std::move(*r);
  no_attribute(v, name);
}

Value getitem(const Value& v, const Value& key) {
  if (key.is_object() && !v.is_dict()) {
    if (auto p = slice_parts(key)) return slice(v, (*p)[0], (*p)[1], (*p)[2]);
  }
  switch (v.kind()) {
    case Kind::List:
    case Kind::Tuple: {
      const auto& items = v.as_items();
      const auto n = static_cast<std::int64_t>(items.size());
      return items[static_cast<std::size_t>(seq_index(v, key, n, type_name(v)))];
    }
    case Kind::Str:
      return str_index(v, key);
    case Kind::Dict:
      if (const Value* x = v.as_dict().find(key)) return *x;
      raise("KeyError", repr(key));
    case Kind::Object:
      return v.as_object().getitem(key);
    default:
      raise("TypeError", quoted_type(v) + " object is not subscriptable");
  }
}

Value slice(const Value& v, const std::optional<Value>& lo, const std::optional<Value>& hi,
            const std::optional<Value>& step) {
  if (v.is_str()) {
    const std::string_view s = v.as_str();
    const auto n = static_cast<std::int64_t>(is_ascii(s) ? s.size() : cp_len(s));
    return slice_str(s, adjust(n, lo, hi, step));
  }
  if (v.is_list() || v.is_tuple()) {
    const auto& items = v.as_items();
    const SliceSpec sp = adjust(static_cast<std::int64_t>(items.size()), lo, hi, step);
    std::vector<Value> out;
    out.reserve(static_cast<std::size_t>(sp.count));
    for (std::int64_t i = 0, j = sp.start; i < sp.count; ++i, j += sp.step)
      out.push_back(items[static_cast<std::size_t>(j)]);
    return v.is_list() ? Value::list(std::move(out)) : Value::tuple(std::move(out));
  }
  if (auto r = range_parts(v)) {
    const auto [start, stop, st] = *r;
    const SliceSpec sp = adjust(len(v), lo, hi, step);
    (void)stop;  // CPython: range(start + i*step, start + j*step, step*k) over adjusted i, j
    return make_range(checked_add(start, checked_mul(sp.start, st)),
                      checked_add(start, checked_mul(sp.stop, st)), checked_mul(sp.step, st));
  }
  if (v.is_dict()) raise("TypeError", "unhashable type: 'slice'");
  raise("TypeError", quoted_type(v) + " object is not subscriptable");
}

void setitem(const Value& v, const Value& key, Value x) {
  if (v.is_list() && key.is_object()) {
    if (auto p = slice_parts(key)) return setslice(v, (*p)[0], (*p)[1], (*p)[2], std::move(x));
  }
  if (v.is_list()) {
    v.as_items()[assignment_index(v, key)] = std::move(x);
    return;
  }
  if (v.is_dict()) return v.as_dict().set(key, std::move(x));
  raise("TypeError", quoted_type(v) + " object does not support item assignment");
}

void setslice(const Value& v, const std::optional<Value>& lo, const std::optional<Value>& hi,
              const std::optional<Value>& step, const Value& x) {
  if (!v.is_list()) {
    if (v.is_dict()) raise("TypeError", "unhashable type: 'slice'");
    raise("TypeError", quoted_type(v) + " object does not support item assignment");
  }
  // CPython's list_ass_subscript: the indices are checked before the value is read.
  auto& items = v.as_items();
  std::int64_t step_value = adjust(static_cast<std::int64_t>(items.size()), lo, hi, step).step;
  std::vector<Value> seq =
      sequence_fast(x, step_value == 1 ? "can only assign an iterable"
                                       : "must assign iterable to extended slice");
  // Reading `x` may have run a generator that changed the list: index what it is now.
  const SliceSpec sp = adjust(static_cast<std::int64_t>(items.size()), lo, hi, step);
  if (sp.step == 1) {
    // list_ass_slice: an empty or backwards range inserts before `start`.
    const auto start = items.begin() + sp.start;
    const auto stop = items.begin() + std::max(sp.start, sp.stop);
    items.insert(items.erase(start, stop), seq.begin(), seq.end());
    return;
  }
  if (static_cast<std::int64_t>(seq.size()) != sp.count) {
    raise("ValueError", "attempt to assign sequence of size " + std::to_string(seq.size()) +
                            " to extended slice of size " + std::to_string(sp.count));
  }
  for (std::int64_t i = 0, j = sp.start; i < sp.count; ++i, j += sp.step)
    items[static_cast<std::size_t>(j)] = std::move(seq[static_cast<std::size_t>(i)]);
}

void delslice(const Value& v, const std::optional<Value>& lo, const std::optional<Value>& hi,
              const std::optional<Value>& step) {
  if (!v.is_list()) {
    if (v.is_dict()) raise("TypeError", "unhashable type: 'slice'");
    raise("TypeError", quoted_type(v) + " object does not support item deletion");
  }
  auto& items = v.as_items();
  const SliceSpec sp = adjust(static_cast<std::int64_t>(items.size()), lo, hi, step);
  if (sp.count == 0) return;
  // Walk upwards whatever the step's sign, keeping the items no index names.
  const std::int64_t first = sp.step > 0 ? sp.start : sp.start + (sp.count - 1) * sp.step;
  const std::int64_t stride = sp.step > 0 ? sp.step : -sp.step;
  std::size_t out = static_cast<std::size_t>(first);
  for (std::size_t i = out; i < items.size(); ++i) {
    const auto offset = static_cast<std::int64_t>(i) - first;
    if (offset % stride == 0 && offset / stride < sp.count) continue;
    items[out++] = std::move(items[i]);
  }
  items.resize(out);
}

void delitem(const Value& v, const Value& key) {
  if (v.is_list()) {
    if (key.is_object()) {
      if (auto p = slice_parts(key)) return delslice(v, (*p)[0], (*p)[1], (*p)[2]);
    }
    auto& items = v.as_items();
    items.erase(items.begin() + static_cast<std::ptrdiff_t>(assignment_index(v, key)));
    return;
  }
  if (v.is_dict()) {
    if (!v.as_dict().erase(key)) raise("KeyError", repr(key));
    return;
  }
  // CPython's PyObject_DelItem: a sequence type given an index says "doesn't".
  const bool sequence = v.is_str() || v.is_tuple() || v.is_set() || range_parts(v);
  const bool index = key.is_int() || key.is_bool();
  raise("TypeError", quoted_type(v) + (sequence && index ? " object doesn't" : " object does not") +
                         " support item deletion");
}

void delattr(const Value& v, std::string_view name) {
  no_attribute(v, name);
}

void setattr(const Value& v, std::string_view name, Value x) {
  if (v.is_dict()) return v.as_dict().set(Value(name), std::move(x));
  no_attribute(v, name);
}

std::int64_t len(const Value& v) {
  switch (v.kind()) {
    case Kind::Str:
      return static_cast<std::int64_t>(cp_len(v.as_str()));
    case Kind::List:
    case Kind::Tuple:
      return static_cast<std::int64_t>(v.as_items().size());
    case Kind::Dict:
    case Kind::Set:
      return static_cast<std::int64_t>(v.as_dict().size());
    case Kind::Object:
      if (auto n = v.as_object().len()) {
        if (*n > static_cast<std::size_t>(INT64_MAX))
          raise("OverflowError", "Python int too large to convert to C ssize_t");
        return static_cast<std::int64_t>(*n);
      }
      break;
    default:
      break;
  }
  raise("TypeError", "object of type " + quoted_type(v) + " has no len()");
}

}  // namespace squall::py
