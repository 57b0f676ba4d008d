// squall::py: Python semantics over squall::Value. Both back ends (the interpreter and the
// generated C++) call exactly these functions, so every operation is defined once.
//
// Every function throws squall::Error with the Python exception class and CPython's message
// when Python would raise (e.g. `py::floordiv(1, 0)` throws ZeroDivisionError
// "integer division or modulo by zero"). Ints are 64-bit: results that do not fit raise
// OverflowError instead of growing (a documented deviation from Python).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "squall/limit_checks.hpp"
#include "squall/value_core.hpp"

namespace squall::py {

// -- Truthiness, str, repr

/// truthy is Python's `bool(v)`.
bool truthy(const Value& v);
/// str is Python's `str(v)`.
std::string str(const Value& v);
/// append_str appends `str(v)` to `out`: the fast output path (no temporary for str values).
void append_str(std::string& out, const Value& v);
/// append_int appends the decimal digits of `i` (`str(i)` of an int).
void append_int(std::string& out, std::int64_t i);
/// kMaxIntChars is the longest text of an int64 (`-9223372036854775808`).
inline constexpr std::size_t kMaxIntChars = 20;
/// write_int writes the text of `i` at `dest` (room for kMaxIntChars) and returns its length.
std::size_t write_int(char* dest, std::int64_t i);
/// repr is Python's `repr(v)`.
std::string repr(const Value& v);
/// append_repr appends `repr(v)` to `out`.
void append_repr(std::string& out, const Value& v);
/// type_name is Python's `type(v).__name__` (`int`, `str`, `dict`, `NoneType`, ...).
std::string_view type_name(const Value& v);

// -- Arithmetic (binary operators)
/// add is `a + b`: numbers (int + int stays an int), or the concatenation of two str,
/// two lists or two tuples; an Object operand decides (e.g. datetime + timedelta).
Value add(const Value& a, const Value& b);
/// sub is `a - b`: numbers, or set difference.
Value sub(const Value& a, const Value& b);
/// mul is `a * b`: numbers, or a str, list or tuple repeated an int number of times
/// (bounded by the render limits: MemoryError).
Value mul(const Value& a, const Value& b);
/// truediv is `a / b`: always a float (int / int correctly rounded, as CPython).
Value truediv(const Value& a, const Value& b);
/// floordiv is `a // b`: rounded towards negative infinity (an int for two ints).
Value floordiv(const Value& a, const Value& b);
/// mod is `a % b`: numeric modulo, or printf-style formatting when `a` is a str.
Value mod(const Value& a, const Value& b);
/// pow is `a ** b`: an int for two ints with `b >= 0`, else a float.
Value pow(const Value& a, const Value& b);
/// lshift is `a << b` on ints (ValueError "negative shift count" for `b < 0`).
Value lshift(const Value& a, const Value& b);
/// rshift is `a >> b` on ints, an arithmetic shift (ValueError for `b < 0`).
Value rshift(const Value& a, const Value& b);
Value and_(const Value& a, const Value& b);  ///< bitwise `&`
Value or_(const Value& a, const Value& b);   ///< bitwise `|`
Value xor_(const Value& a, const Value& b);  ///< bitwise `^`

// -- Unary operators
Value neg(const Value& a);     ///< `-a` on a number (a bool gives an int)
Value pos(const Value& a);     ///< `+a` on a number (a bool gives an int)
Value invert(const Value& a);  ///< `~a` on an int or bool: `-(a + 1)`
Value not_(const Value& a);    ///< `not a`: always a bool

// -- Comparison. Chained comparisons are the back ends' job (`a < b and b < c` with `b`
// evaluated once); `and`/`or` likewise (use truthy and return the operand).
/// eq is `a == b`: numbers by value across int, float and bool; containers element-wise;
/// values of different types are unequal unless an Object operand says otherwise.
bool eq(const Value& a, const Value& b);
bool ne(const Value& a, const Value& b);  ///< `a != b`: `not eq(a, b)`
/// lt is `a < b`: numbers, str (by code point), lists and tuples lexicographically, sets as
/// proper subsets; other pairs raise TypeError "'<' not supported between instances of
/// ...". le, gt and ge are `<=`, `>` and `>=` by the same rules.
bool lt(const Value& a, const Value& b);
bool le(const Value& a, const Value& b);  ///< `a <= b` (see lt)
bool gt(const Value& a, const Value& b);  ///< `a > b` (see lt)
bool ge(const Value& a, const Value& b);  ///< `a >= b` (see lt)
/// contains is `item in container` (note the argument order: container first).
bool contains(const Value& container, const Value& item);
/// is_ is Python's `is` (identity for heap values; None/True/False are singletons).
bool is_(const Value& a, const Value& b);
/// hash is Python's hash() for dict keys (equal numbers hash alike); TypeError if unhashable.
std::size_t hash(const Value& v);

// -- Access
/// getattr is `v.name`: methods of str/list/dict come back as bound methods; dict keys read
/// as attributes when no method has that name (Squall's documented deviation). Raises
/// AttributeError "'T' object has no attribute 'name'".
Value getattr(const Value& v, std::string_view name);
/// getattr_opt is getattr returning nullopt instead of raising AttributeError (hasattr).
std::optional<Value> getattr_opt(const Value& v, std::string_view name);
/// getitem is `v[key]` (negative indices count from the end; KeyError/IndexError/TypeError).
Value getitem(const Value& v, const Value& key);
/// slice is `v[lo:hi:step]` for str, list, tuple and range; absent parts are nullopt or None.
Value slice(const Value& v, const std::optional<Value>& lo, const std::optional<Value>& hi,
            const std::optional<Value>& step);
/// setitem is `v[key] = x` for lists and dicts (a slice object key is setslice).
void setitem(const Value& v, const Value& key, Value x);
/// delitem is `del v[key]` for lists and dicts (a slice object key is delslice).
void delitem(const Value& v, const Value& key);
/// delslice is `del v[lo:hi:step]` for a list.
void delslice(const Value& v, const std::optional<Value>& lo, const std::optional<Value>& hi,
              const std::optional<Value>& step);
/// delattr is `del v.name`: AttributeError, as for Python's built-in types (a dict's keys
/// are not its attributes here).
[[noreturn]] void delattr(const Value& v, std::string_view name);
/// setslice is `v[lo:hi:step] = x` for a list (absent parts are nullopt or None): a simple
/// slice is replaced by the items of any iterable `x`, an extended one takes exactly as
/// many items as it has (ValueError otherwise), as CPython's list does.
void setslice(const Value& v, const std::optional<Value>& lo, const std::optional<Value>& hi,
              const std::optional<Value>& step, const Value& x);
/// setattr is `v.name = x`; only dicts (which read keys as attributes) support it.
void setattr(const Value& v, std::string_view name, Value x);
/// len is Python's len(); TypeError "object of type 'int' has no len()".
std::int64_t len(const Value& v);

// -- Calls
/// call is `f(*args, **kwargs)` for callables, type objects and callable objects.
Value call(const Value& f, Args args = {}, KwArgs kwargs = {});
/// call_method is `obj.name(*args, **kwargs)` without creating a bound method.
Value call_method(const Value& obj, std::string_view name, Args args = {}, KwArgs kwargs = {});
/// is_callable is Python's callable().
bool is_callable(const Value& v);

// -- Iteration

/// Iterator walks any iterable: `py::Iterator it = py::iter(v); while (auto x = it.next())`.
/// Lists, tuples, strs, dicts (keys), sets and ranges are walked without allocating.
/// A list iterator sees appends made during the loop, as in Python.
class Iterator {
 public:
  /// next returns the next item, or nullopt at the end.
  std::optional<Value> next();

 private:
  enum class Mode : std::uint8_t { Seq, Str, Dict, Range, Generic, Empty };
  friend Iterator iter(const Value& v);
  Value source_;
  Mode mode_ = Mode::Empty;
  std::size_t pos_ = 0;
  std::int64_t cur_ = 0, stop_ = 0, step_ = 1;  // range state
  limits::IterationMeter meter_;
};

/// iter is Python's iter(): TypeError "'int' object is not iterable" for non-iterables.
Iterator iter(const Value& v);
/// to_vector collects an iterable into a vector (list() without the Value wrapper).
std::vector<Value> to_vector(const Value& iterable);

// -- Builtins and modules

/// builtin returns the builtin function or type object named `name` (`len`, `str`,
/// `KeyError`, ...), or nullopt. Type objects support isinstance, calls (`str(x)`) and
/// getattr of unbound methods (`str.lower`).
std::optional<Value> builtin(std::string_view name);
/// builtins is the whole table, for namespace setup.
const std::unordered_map<std::string, Value>& builtins();
/// module returns a built-in module usable by `{% import %}` (`datetime`), or nullopt.
std::optional<Value> module(std::string_view name);

/// exception_matches is `except T:` matching: `type_or_tuple` is an exception type value or
/// a tuple of them; the hierarchy is Python's (LookupError > KeyError, IndexError; ...).
bool exception_matches(const Error& e, const Value& type_or_tuple);
/// set_of_constants is a set display of three or more constants (`{3, 1, 2}`): CPython builds
/// it from a frozenset constant, which can order it differently from `set([3, 1, 2])`.
Value set_of_constants(std::vector<Value> items);

/// exception_value is the object bound by `except E as e`: str(e) is e.message(), and
/// `e.args` is a 1-tuple of the message.
Value exception_value(const Error& e);

// -- Formatting
/// percent_format is `fmt % args` (args: a tuple, a mapping, or a single value).
std::string percent_format(std::string_view fmt, const Value& args);
/// format_value is `format(v, spec)` (the format-spec mini-language).
std::string format_value(const Value& v, std::string_view spec);
/// str_format is `fmt.format(*args, **kwargs)`.
std::string str_format(std::string_view fmt, Args args, KwArgs kwargs);
/// float_repr is Python's repr of a float (shortest round trip): `0.1`, `1e+16`, `-0.0`.
std::string float_repr(double d);

/// raise_type_error throws squall::Error TypeError with `message` (write it in CPython's
/// words, as every message here is).
[[noreturn]] void raise_type_error(std::string message);
/// raise_value_error throws squall::Error ValueError with `message`.
[[noreturn]] void raise_value_error(std::string message);

}  // namespace squall::py
