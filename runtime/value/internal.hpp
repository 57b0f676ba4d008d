// Helpers shared by the runtime's Value implementation files. Internal.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "squall/limits.hpp"
#include "squall/py.hpp"
#include "squall/value.hpp"

namespace squall::rt {

[[noreturn]] inline void raise(std::string_view cls, std::string message) {
  throw_error(cls, std::move(message));
}

/// quoted_type is `'int'`: the type name in CPython's message quotes.
inline std::string quoted_type(const Value& v) {
  return "'" + std::string(py::type_name(v)) + "'";
}

// -- Checked 64-bit integer arithmetic (OverflowError instead of wrapping)
std::int64_t checked_add(std::int64_t a, std::int64_t b);
std::int64_t checked_sub(std::int64_t a, std::int64_t b);
std::int64_t checked_mul(std::int64_t a, std::int64_t b);
[[noreturn]] void int_overflow();

// -- UTF-8 by code point
/// is_ascii: every byte below 0x80 (then byte index == code point index).
bool is_ascii(std::string_view s);
/// cp_offsets returns the byte offset of every code point plus a final entry == s.size().
std::vector<std::size_t> cp_offsets(std::string_view s);
/// cp_len is the number of code points.
std::size_t cp_len(std::string_view s);
/// decode_all decodes UTF-8 into code points (invalid bytes map to U+FFFD).
std::u32string decode_all(std::string_view s);
std::string encode_all(std::u32string_view s);

// -- Argument checking for builtins and methods
/// check_arity raises TypeError "NAME() takes ..." unless min <= args.size() <= max.
void check_arity(std::string_view name, Args args, std::size_t min, std::size_t max);
/// no_kwargs raises TypeError "NAME() takes no keyword arguments" when kwargs is not empty.
void no_kwargs(std::string_view name, KwArgs kwargs);
/// kwarg finds a keyword argument by name.
const Value* kwarg(KwArgs kwargs, std::string_view name);
/// arg returns positional `i`, else keyword `name`, else nullptr.
const Value* arg(Args args, KwArgs kwargs, std::size_t i, std::string_view name);
/// to_index converts an int/bool to int64 or raises TypeError with `what` in the message.
std::int64_t to_index(const Value& v, std::string_view what);
/// str_arg returns the str or raises TypeError "NAME() argument must be str, not 'T'".
std::string_view str_arg(const Value& v, std::string_view name);
/// to_double converts bool/int/float to double (caller checked is_number).
inline double to_double(const Value& v) {
  return v.is_float() ? v.as_float() : static_cast<double>(v.as_int());
}

// -- Method tables (return nullopt when the type has no such method)
std::optional<Value> call_str_method(const Value& self, std::string_view name, Args args,
                                     KwArgs kwargs);
std::optional<Value> call_list_method(const Value& self, std::string_view name, Args args,
                                      KwArgs kwargs);
std::optional<Value> call_dict_method(const Value& self, std::string_view name, Args args,
                                      KwArgs kwargs);
bool has_method(Kind kind, std::string_view name);

/// bound_method makes the callable `self.name` (CPython's bound builtin method).
Value bound_method(const Value& self, std::string_view name);

/// float_to_int is int(float): truncation; ValueError for NaN, OverflowError beyond int64.
std::int64_t float_to_int(double d);

/// Type objects used by builtins (str, int, ...), by name.
Value type_object(std::string_view name);

/// exception_type is the type value of a Python exception class (None when unknown);
/// for_each_exception_type lists the known class names.
Value exception_type(std::string_view name);
void for_each_exception_type(const std::function<void(std::string_view)>& f);

/// parse_int_literal is int(text, base) on a str (ValueError with CPython's message).
std::int64_t parse_int_literal(std::string_view text, std::int64_t base);
/// parse_float_literal is float(text) on a str.
double parse_float_literal(std::string_view text);

/// append_float_repr appends Python's repr of `d`.
void append_float_repr(std::string& out, double d);
/// append_str_repr appends the repr of str text (quote choice and escapes like CPython).
void append_str_repr(std::string& out, std::string_view s);
/// ascii_repr is Python's ascii(): repr with non-ASCII escaped as \xNN, \uNNNN, \UNNNNNNNN.
std::string ascii_repr(const Value& v);
/// append_int appends the decimal digits of `i`.
void append_int(std::string& out, std::int64_t i);

/// make_range builds a range object (`range(start, stop, step)`; step != 0).
Value make_range(std::int64_t start, std::int64_t stop, std::int64_t step);
/// range_parts returns start/stop/step when `v` is a range object.
std::optional<std::array<std::int64_t, 3>> range_parts(const Value& v);

/// sort_values is list.sort: stable, `<` only, optional key function, reverse keeps stability.
void sort_values(std::vector<Value>& items, const Value* key, bool reverse);

/// compare is the three-way `<` ordering used by sorted/min/max (TypeError when unordered).
int compare(const Value& a, const Value& b);

/// float floor-mod and int floor-div/mod with Python signs.
double float_mod(double a, double b);
std::int64_t int_floordiv(std::int64_t a, std::int64_t b);
std::int64_t int_mod(std::int64_t a, std::int64_t b);

/// TypeBase is the common shape of type objects (`str`, `KeyError`, `datetime.date`):
/// callable, usable as isinstance's second argument, repr `<class 'NAME'>`.
class TypeBase : public Object {
 public:
  explicit TypeBase(std::string_view name, std::string_view repr_prefix = "")
      : name_(name), repr_prefix_(repr_prefix) {}
  std::string_view type_name() const override { return "type"; }
  bool is_type() const override { return true; }
  bool is_callable() const override { return true; }
  void append_repr(std::string& out) const override {
    out += "<class '";
    out += repr_prefix_;
    out += name_;
    out += "'>";
  }
  std::string_view name() const { return name_; }

 protected:
  std::string_view name_;
  std::string_view repr_prefix_;
};

// -- Builtins about types (builtins_types.cpp)
/// type_of is type(v); generic_type_object is a type object for an Object kind without one.
Value type_of(const Value& v);
Value generic_type_object(std::string_view interned_name);
/// getattr_special: `__class__`, a type's `__name__`, range.index/count; nullopt otherwise.
std::optional<Value> getattr_special(const Value& v, std::string_view name);
/// slice_parts: start, stop, step of a slice object (`slice(1, 2)`), or nullopt.
std::optional<std::array<Value, 3>> slice_parts(const Value& v);
/// add_type_builtins adds type, issubclass, hash, print, slice, pow, zip to the table.
void add_type_builtins(std::unordered_map<std::string, Value>& table);
/// str.maketrans, str.format_map/translate (call_str_extra: nullopt for other names),
/// dict.fromkeys and dict.popitem.
Value str_maketrans(Args args, KwArgs kwargs);
std::optional<Value> call_str_extra(const Value& self, std::string_view name, Args args,
                                    KwArgs kwargs);
Value dict_fromkeys(Args args, KwArgs kwargs);
Value dict_popitem(const Value& self);
/// standard_module is math, json, html, urllib or urllib.parse (modules.cpp), or nullopt.
std::optional<Value> standard_module(std::string_view name);
/// exception_subclass: is exception class `cls` `base` or below it?
bool exception_subclass(std::string_view cls, std::string_view base);

/// Depth guard for recursive repr/eq (RecursionError past the limit).
class DepthGuard {
 public:
  DepthGuard();
  ~DepthGuard();
  DepthGuard(const DepthGuard&) = delete;
  DepthGuard& operator=(const DepthGuard&) = delete;
};

}  // namespace squall::rt
