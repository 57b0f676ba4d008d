// squall::typed: what generated code for typed templates (docs/typed-templates.md) calls
// on the C++ values of declared arguments. Part of the code generator's target
// (the typed part of a generated .cpp includes it), not of the user API.
//
// Generated code reads fields with plain member access (`deref(post, "title").title`), so
// a misspelled field is the C++ compiler's own error at the template's line. Everything
// here gives the result Python gives for the same data passed as Values: a case without a
// cheaper exact form converts to a borrowed Value (value()) and calls the runtime.
#pragma once

#include <concepts>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "squall/py.hpp"
#include "squall/value.hpp"

namespace squall::typed {

/// Text: strings and string views.
template <class T>
concept Text = std::is_convertible_v<const T&, std::string_view>;
/// Integer: integral types but char (a C++ char is no Python int) and 64-bit unsigned (may
/// not fit an int64).
template <class T>
concept Integer =
    std::is_integral_v<T> && !std::is_same_v<T, char> && (std::is_signed_v<T> || sizeof(T) < 8);
template <class T>
concept Float = std::is_floating_point_v<T>;
template <class T>
concept Map = requires {
  typename T::mapped_type;
};

/// value is `x` as a Value that borrows it (detail::field_value's rules): what a typed
/// value becomes when dynamic code uses it.
template <class T>
Value value(const T& x) {
  return detail::field_value(x);
}
inline const Value& value(const Value& v) {
  return v;
}

/// raise_none_attribute raises the AttributeError of reading `attr` of None.
[[noreturn]] inline void raise_none_attribute(std::string_view attr) {
  py::getattr(Value(), attr);
  throw std::logic_error("unreachable");
}

/// deref is the object an attribute is read from: `x` itself, or an optional's value
/// (AttributeError on None, as for a None Value).
template <class T>
const T& deref(const T& x, std::string_view) {
  return x;
}
template <class T>
const T& deref(const std::optional<T>& x, std::string_view attr) {
  if (!x) raise_none_attribute(attr);
  return *x;
}

/// truthy is Python's truth of `x`.
template <class T>
bool truthy(const T& x) {
  if constexpr (std::is_same_v<T, bool>) {
    return x;
  } else if constexpr (std::is_arithmetic_v<T>) {
    return x != 0;  // NaN is true, as in Python
  } else if constexpr (Text<T>) {
    return !std::string_view(x).empty();
  } else if constexpr (detail::IsOptional<T>::value) {
    return x && truthy(*x);
  } else if constexpr (detail::Reflected<T>) {
    return true;
  } else if constexpr (requires { x.empty(); }) {
    return !x.empty();
  } else {
    return py::truthy(value(x));
  }
}
inline bool truthy(const Value& v) {
  return py::truthy(v);
}

namespace internal {
template <class T>
constexpr auto as_int(T x) {
  if constexpr (std::is_same_v<T, bool>) {
    return static_cast<int>(x);
  } else {
    return x;
  }
}
}  // namespace internal

// Comparisons: exact for two integers, two floats, two strings (UTF-8 byte order is code
// point order); anything else compares as Values.
#define SQUALL_TYPED_COMPARE(name, int_cmp, op)                      \
  template <class A, class B>                                        \
  bool name(const A& a, const B& b) {                                \
    if constexpr (Integer<A> && Integer<B>) {                        \
      return std::int_cmp(internal::as_int(a), internal::as_int(b)); \
    } else if constexpr (Float<A> && Float<B>) {                     \
      return a op b;                                                 \
    } else if constexpr (Text<A> && Text<B>) {                       \
      return std::string_view(a) op std::string_view(b);             \
    } else {                                                         \
      return py::name(value(a), value(b));                           \
    }                                                                \
  }
SQUALL_TYPED_COMPARE(eq, cmp_equal, ==)
SQUALL_TYPED_COMPARE(ne, cmp_not_equal, !=)
SQUALL_TYPED_COMPARE(lt, cmp_less, <)
SQUALL_TYPED_COMPARE(le, cmp_less_equal, <=)
SQUALL_TYPED_COMPARE(gt, cmp_greater, >)
SQUALL_TYPED_COMPARE(ge, cmp_greater_equal, >=)
#undef SQUALL_TYPED_COMPARE

/// mod is Python's `a % b`: the sign of the divisor for two integers (ZeroDivisionError for
/// 0), py::mod for anything else.
template <class A, class B>
auto mod(const A& a, const B& b) {
  if constexpr (Integer<A> && Integer<B>) {
    const std::int64_t x = a, y = b;
    if (y == 0) {
      py::mod(Value(x), Value(y));  // raises ZeroDivisionError
      throw std::logic_error("unreachable");
    }
    if (y == -1) return std::int64_t{0};  // INT64_MIN % -1 is undefined in C++
    std::int64_t r = x % y;
    if (r != 0 && ((r < 0) != (y < 0))) r += y;
    return r;
  } else {
    return py::mod(value(a), value(b));
  }
}

/// is_builtin tells whether `fn` is Python's builtin `name` (a render argument or a
/// registered name may replace it).
inline bool is_builtin(const Value& fn, std::string_view name) {
  const std::optional<Value> b = py::builtin(name);
  return b && py::is_(fn, *b);
}
inline bool is_builtin_len(const Value& fn) {
  static const Value b = *py::builtin("len");
  return py::is_(fn, b);
}
inline bool is_builtin_enumerate(const Value& fn) {
  static const Value b = *py::builtin("enumerate");
  return py::is_(fn, b);
}

/// len is `fn(x)` for `fn` the render's `len`: a container's size when it is the builtin.
template <class T>
Value len(const Value& fn, const T& x) {
  if constexpr (requires { x.size(); } && !Text<T> && !detail::IsOptional<T>::value) {
    if (is_builtin_len(fn)) return Value(static_cast<std::int64_t>(x.size()));
  }
  const Value arg = value(x);
  return py::call(fn, Args(&arg, 1));
}

/// ValueItems iterates a value's Value as Python does (a str by code point, a map by key):
/// a typed `{% for %}` over anything but a sequence or set of C++ values.
class ValueItems {
 public:
  explicit ValueItems(Value v) : value_(std::move(v)) {}
  struct End {};
  class Iterator {
   public:
    explicit Iterator(const Value& v) : it_(py::iter(v)) { ++*this; }
    const Value& operator*() const { return *item_; }
    Iterator& operator++() {
      item_ = it_.next();
      return *this;
    }
    bool operator==(End) const { return !item_; }

   private:
    py::Iterator it_;
    std::optional<Value> item_;
  };
  Iterator begin() const { return Iterator(value_); }
  End end() const { return {}; }

 private:
  Value value_;
};

/// Iterable: what Python can iterate may be (a number never is).
template <class T>
concept Iterable = !std::is_arithmetic_v<T>;

/// items is what a typed `{% for %}` iterates: a sequence or set of C++ values in place,
/// anything else (strings, maps, optionals, Values) through ValueItems. A number is a
/// compile error ("no matching function for call to 'items(const long int&)'").
template <Iterable T>
decltype(auto) items(const T& x) {
  if constexpr (requires { std::begin(x) != std::end(x); } && !Text<T> && !Map<T>) {
    return (x);
  } else {
    return ValueItems(value(x));
  }
}

}  // namespace squall::typed
