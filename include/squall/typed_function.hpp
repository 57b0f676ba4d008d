// Value::function for C++ callables with typed parameters: Squall counts the arguments,
// matches keywords, converts each argument to its parameter's type and raises Python's
// TypeError text when a call does not fit. Included by <squall/value.hpp>.
//
// Without parameter names a function is positional-only, like a CPython builtin, and its
// errors are a builtin's:
//   f expected 2 arguments, got 3                 (at least / at most with optional ones)
//   f() takes no arguments (1 given)              (a function without parameters)
//   f() takes no keyword arguments
//   f() argument 1 must be int, not str
// With names (`Value::function("f", {"x", "y"}, fn)`) calls may pass keywords, and errors are
// those of a Python `def f(x, y=None)`:
//   f() takes 2 positional arguments but 3 were given
//   f() takes from 1 to 2 positional arguments but 3 were given
//   f() missing 1 required positional argument: 'x'
//   f() missing 2 required positional arguments: 'x' and 'y'
//   f() got an unexpected keyword argument 'z'
//   f() got multiple values for argument 'x'
//   f() argument 'x' must be int, not str
#pragma once

#include <array>
#include <cstdlib>
#include <limits>
#include <stdexcept>
#include <tuple>

// Builds on the Value class alone; <squall/value.hpp> includes this header.
#include "squall/value_core.hpp"

namespace squall {

/// ArgConverter<T>::convert(const Value&) -> std::optional<T> converts an argument of a typed
/// function to parameter type T, or returns nullopt when the Value's type does not fit (the
/// call raises TypeError naming `ArgConverter<T>::expected`). Provided for Value (anything),
/// bool (a bool), integers (an int or bool; OverflowError when out of the type's range),
/// float and double (a float, int or bool), std::string and std::string_view (a str; the
/// view is valid during the call) and std::optional<T> (None, or what T accepts).
/// Specialise it for your own parameter types.
template <class T, class = void>
struct ArgConverter;

/// Any Value is accepted as it is.
template <>
struct ArgConverter<Value> {
  static constexpr std::string_view expected = "object";  ///< never reported
  /// convert returns `v`.
  static std::optional<Value> convert(const Value& v) { return v; }
};

/// A bool parameter takes a bool only (not a truthy value).
template <>
struct ArgConverter<bool> {
  static constexpr std::string_view expected = "bool";  ///< the type named in TypeError
  /// convert returns the bool, or nullopt for any other type.
  static std::optional<bool> convert(const Value& v) {
    if (!v.is_bool()) return std::nullopt;
    return v.as_bool();
  }
};

/// An integer parameter takes an int or a bool (Python's bool is an int).
template <class T>
struct ArgConverter<T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>>> {
  static constexpr std::string_view expected = "int";  ///< the type named in TypeError
  /// convert returns the number; OverflowError when T cannot hold it.
  static std::optional<T> convert(const Value& v) {
    if (!v.is_int() && !v.is_bool()) return std::nullopt;
    const std::int64_t i = v.as_int();
    if constexpr (std::is_signed_v<T>) {
      if (i < std::int64_t{std::numeric_limits<T>::min()} ||
          i > std::int64_t{std::numeric_limits<T>::max()})
        throw_error("OverflowError", "Python int too large to convert to C integer");
    } else {
      if (i < 0) throw_error("OverflowError", "can't convert negative int to unsigned");
      if (static_cast<std::uint64_t>(i) > std::numeric_limits<T>::max())
        throw_error("OverflowError", "Python int too large to convert to C integer");
    }
    return static_cast<T>(i);
  }
};

/// A floating-point parameter takes a float, an int or a bool.
template <class T>
struct ArgConverter<T, std::enable_if_t<std::is_floating_point_v<T>>> {
  static constexpr std::string_view expected = "float";  ///< the type named in TypeError
  /// convert returns the number, or nullopt for a non-number.
  static std::optional<T> convert(const Value& v) {
    if (v.is_float()) return static_cast<T>(v.as_float());
    if (v.is_int() || v.is_bool()) return static_cast<T>(v.as_int());
    return std::nullopt;
  }
};

/// A std::string parameter takes a str (copied).
template <>
struct ArgConverter<std::string> {
  static constexpr std::string_view expected = "str";  ///< the type named in TypeError
  /// convert returns a copy of the str, or nullopt for any other type.
  static std::optional<std::string> convert(const Value& v) {
    if (!v.is_str()) return std::nullopt;
    return std::string(v.as_str());
  }
};

/// A std::string_view parameter takes a str (not copied: valid during the call).
template <>
struct ArgConverter<std::string_view> {
  static constexpr std::string_view expected = "str";  ///< the type named in TypeError
  /// convert returns the str's characters, or nullopt for any other type.
  static std::optional<std::string_view> convert(const Value& v) {
    if (!v.is_str()) return std::nullopt;
    return v.as_str();
  }
};

namespace detail {

/// Signature is what a typed function checks its calls against.
struct Signature {
  std::string name;                 // for messages: `name()`
  std::vector<std::string> params;  // empty: positional-only
  std::size_t count = 0;            // parameters
  std::size_t required = 0;         // parameters before the trailing optional ones
};

/// bind_arguments puts each argument of a call into its parameter's slot (null: left out),
/// following Python's rules for `sig`, or raises TypeError.
void bind_arguments(const Signature& sig, Args args, KwArgs kwargs, const Value** slots);

/// argument_type_error raises `name() argument N must be T, not U` (`'x'` with names).
[[noreturn]] void argument_type_error(const Signature& sig, std::size_t index,
                                      std::string_view expected, const Value& got);

template <class T>
struct IsOptionalArg : std::false_type {};
template <class T>
struct IsOptionalArg<std::optional<T>> : std::true_type {};

template <class Sig>
struct CallableTraits;
template <class R, class... A>
struct CallableTraits<R(A...)> {
  using Result = R;
  using Params = std::tuple<std::remove_cvref_t<A>...>;
};
template <class R, class... A>
struct CallableTraits<R (*)(A...)> : CallableTraits<R(A...)> {};
template <class C, class R, class... A>
struct CallableTraits<R (C::*)(A...)> : CallableTraits<R(A...)> {};
template <class C, class R, class... A>
struct CallableTraits<R (C::*)(A...) const> : CallableTraits<R(A...)> {};
template <class C, class R, class... A>
struct CallableTraits<R (C::*)(A...) noexcept> : CallableTraits<R(A...)> {};
template <class C, class R, class... A>
struct CallableTraits<R (C::*)(A...) const noexcept> : CallableTraits<R(A...)> {};

/// FunctionTraits reads the parameter types of a lambda, function object or function pointer
/// (not of a generic lambda: its parameters have no types yet).
template <class F>
struct FunctionTraits : CallableTraits<decltype(&F::operator())> {};
template <class R, class... A>
struct FunctionTraits<R (*)(A...)> : CallableTraits<R(A...)> {};

template <class... P>
constexpr std::size_t required_params(std::tuple<P...>*) {
  constexpr bool optional[] = {IsOptionalArg<P>::value..., false};
  std::size_t required = sizeof...(P);
  while (required > 0 && optional[required - 1]) --required;
  return required;
}

template <class T>
concept HasArgConverter = requires(const Value& v) {
  ArgConverter<T>::convert(v);
};

/// convert_argument converts slot `index` (null: left out, so an optional parameter's nullopt).
template <class P>
P convert_argument(const Signature& sig, std::size_t index, const Value* slot) {
  constexpr bool optional = IsOptionalArg<P>::value;
  using Target = typename std::conditional_t<optional, P, std::optional<P>>::value_type;
  if constexpr (!HasArgConverter<Target>) {
    static_assert(HasArgConverter<Target>,
                  "squall: a Value::function parameter type (P above) has no "
                  "ArgConverter: take squall::Value and convert it yourself, or specialise "
                  "squall::ArgConverter");
    std::abort();
  } else if constexpr (optional) {
    if (!slot || slot->is_none()) return std::nullopt;
    if (auto v = ArgConverter<Target>::convert(*slot)) return P(std::move(*v));
    argument_type_error(sig, index, std::string(ArgConverter<Target>::expected) + " or None",
                        *slot);
  } else {
    if (auto v = ArgConverter<P>::convert(*slot)) return std::move(*v);
    argument_type_error(sig, index, ArgConverter<P>::expected, *slot);
  }
}

template <class F, class... P, std::size_t... I>
Value call_typed(const Signature& sig, F& fn, const Value** slots, std::tuple<P...>*,
                 std::index_sequence<I...>) {
  // Braced initialisation converts the arguments left to right, as Python reports them.
  std::tuple<P...> converted{convert_argument<P>(sig, I, slots[I])...};
  using R = decltype(std::apply(fn, std::move(converted)));
  if constexpr (std::is_void_v<R>) {
    std::apply(fn, std::move(converted));
    return Value();
  } else {
    return Value(std::apply(fn, std::move(converted)));
  }
}

template <class F>
Value typed_function(std::string name, std::vector<std::string> params, F fn) {
  using Params = typename FunctionTraits<F>::Params;
  constexpr std::size_t count = std::tuple_size_v<Params>;
  auto sig = std::make_shared<Signature>();
  sig->name = name;
  sig->count = count;
  sig->required = required_params(static_cast<Params*>(nullptr));
  if (!params.empty() && params.size() != count)
    throw std::invalid_argument("Value::function(\"" + name +
                                "\"): " + std::to_string(params.size()) + " parameter names for " +
                                std::to_string(count) + " parameters");
  sig->params = std::move(params);
  // mutable: a mutable lambda's state changes as it would called directly.
  return Value::function(
      std::move(name), [sig, fn = std::move(fn)](Args args, KwArgs kwargs) mutable {
        std::array<const Value*, count + 1> slots{};  // + 1: no zero-length array
        bind_arguments(*sig, args, kwargs, slots.data());
        return call_typed(*sig, fn, slots.data(), static_cast<Params*>(nullptr),
                          std::make_index_sequence<count>{});
      });
}

}  // namespace detail

template <class F>
requires(!std::is_convertible_v<F, Function>) Value Value::function(std::string name, F fn) {
  return detail::typed_function(std::move(name), {}, std::move(fn));
}

template <class F>
Value Value::function(std::string name, std::vector<std::string> params, F fn) {
  return detail::typed_function(std::move(name), std::move(params), std::move(fn));
}

}  // namespace squall
