// The builtin namespace: functions and type objects templates can call.
#include <cmath>
#include <mutex>

#include "squall/detail/unicode.hpp"
#include "value/builtins.hpp"

namespace squall::rt {

Value datetime_module();

namespace {

Value b_len(Args a, KwArgs k) {
  check_arity("len", a, 1, 1);
  no_kwargs("len", k);
  return Value(py::len(a[0]));
}

Value b_repr(Args a, KwArgs k) {
  check_arity("repr", a, 1, 1);
  no_kwargs("repr", k);
  return Value(py::repr(a[0]));
}

Value b_ascii(Args a, KwArgs k) {
  check_arity("ascii", a, 1, 1);
  no_kwargs("ascii", k);
  return Value(ascii_repr(a[0]));
}

Value b_abs(Args a, KwArgs k) {
  check_arity("abs", a, 1, 1);
  no_kwargs("abs", k);
  if (a[0].is_float()) return Value(std::fabs(a[0].as_float()));
  if (a[0].is_int() || a[0].is_bool())
    return a[0].as_int() < 0 ? py::neg(a[0]) : Value(a[0].as_int());
  raise("TypeError", "bad operand type for abs(): " + quoted_type(a[0]));
}

bool isinstance_of(const Value& v, const Value& t) {
  if (t.is_tuple()) {
    for (const auto& x : t.as_items())
      if (isinstance_of(v, x)) return true;
    return false;
  }
  if (!t.is_object() || !t.as_object().is_type())
    raise("TypeError", "isinstance() arg 2 must be a type, a tuple of types, or a union");
  return t.as_object().is_instance_of_this(v);
}

Value b_isinstance(Args a, KwArgs k) {
  check_arity("isinstance", a, 2, 2);
  no_kwargs("isinstance", k);
  return Value(isinstance_of(a[0], a[1]));
}

Value b_getattr(Args a, KwArgs k) {
  check_arity("getattr", a, 2, 3);
  no_kwargs("getattr", k);
  if (!a[1].is_str()) raise("TypeError", "attribute name must be string, not " + quoted_type(a[1]));
  if (a.size() == 3) return py::getattr_opt(a[0], a[1].as_str()).value_or(a[2]);
  return py::getattr(a[0], a[1].as_str());
}

Value b_hasattr(Args a, KwArgs k) {
  check_arity("hasattr", a, 2, 2);
  no_kwargs("hasattr", k);
  if (!a[1].is_str()) raise("TypeError", "attribute name must be string, not " + quoted_type(a[1]));
  return Value(py::getattr_opt(a[0], a[1].as_str()).has_value());
}

Value b_callable(Args a, KwArgs) {
  check_arity("callable", a, 1, 1);
  return Value(py::is_callable(a[0]));
}

Value b_divmod(Args a, KwArgs) {
  check_arity("divmod", a, 2, 2);
  return Value::tuple({py::floordiv(a[0], a[1]), py::mod(a[0], a[1])});
}

Value b_pow(Args a, KwArgs) {
  check_arity("pow", a, 2, 2);
  return py::pow(a[0], a[1]);
}

Value b_chr(Args a, KwArgs) {
  check_arity("chr", a, 1, 1);
  const std::int64_t cp = to_index(a[0], "chr() argument");
  if (cp < 0 || cp > 0x10FFFF) raise("ValueError", "chr() arg not in range(0x110000)");
  std::string out;
  detail::append_utf8(out, static_cast<char32_t>(cp));
  return Value(std::move(out));
}

Value b_ord(Args a, KwArgs) {
  check_arity("ord", a, 1, 1);
  if (!a[0].is_str())
    raise("TypeError",
          "ord() expected string of length 1, but " + std::string(py::type_name(a[0])) + " found");
  const std::u32string u = decode_all(a[0].as_str());
  if (u.size() != 1)
    raise("TypeError", "ord() expected a character, but string of length " +
                           std::to_string(u.size()) + " found");
  return Value(static_cast<std::int64_t>(u[0]));
}

Value b_format(Args a, KwArgs) {
  check_arity("format", a, 1, 2);
  return Value(py::format_value(a[0], a.size() > 1 ? str_arg(a[1], "format") : ""));
}

Value radix(Args a, std::string_view name, int base, std::string_view prefix) {
  check_arity(name, a, 1, 1);
  std::int64_t x = to_index(a[0], "'" + std::string(py::type_name(a[0])) +
                                      "' object cannot be interpreted as an integer; value");
  std::string digits;
  const bool neg = x < 0;
  std::uint64_t u = neg ? 0 - static_cast<std::uint64_t>(x) : static_cast<std::uint64_t>(x);
  do {
    digits.insert(digits.begin(), "0123456789abcdef"[u % static_cast<unsigned>(base)]);
    u /= static_cast<unsigned>(base);
  } while (u);
  return Value(std::string(neg ? "-" : "") + std::string(prefix) + digits);
}
Value b_hex(Args a, KwArgs) {
  return radix(a, "hex", 16, "0x");
}
Value b_oct(Args a, KwArgs) {
  return radix(a, "oct", 8, "0o");
}
Value b_bin(Args a, KwArgs) {
  return radix(a, "bin", 2, "0b");
}

Value b_iter(Args a, KwArgs) {
  check_arity("iter", a, 1, 1);
  if (a[0].kind() == Kind::Iterator) return a[0];
  auto it = std::make_shared<py::Iterator>(py::iter(a[0]));
  return Value::generator([it] { return it->next(); });
}

Value b_next(Args a, KwArgs) {
  check_arity("next", a, 1, 2);
  if (a[0].kind() != Kind::Iterator)
    raise("TypeError", quoted_type(a[0]) + " object is not an iterator");
  if (auto x = a[0].as_iterator().next()) return *x;
  if (a.size() > 1) return a[1];
  raise("StopIteration", "");
}

std::unordered_map<std::string, Value> make_table() {
  std::unordered_map<std::string, Value> t;
  const std::pair<const char*, Value (*)(Args, KwArgs)> fns[] = {
      {"len", b_len},
      {"repr", b_repr},
      {"ascii", b_ascii},
      {"abs", b_abs},
      {"isinstance", b_isinstance},
      {"getattr", b_getattr},
      {"hasattr", b_hasattr},
      {"callable", b_callable},
      {"divmod", b_divmod},
      {"pow", b_pow},
      {"chr", b_chr},
      {"ord", b_ord},
      {"format", b_format},
      {"hex", b_hex},
      {"oct", b_oct},
      {"bin", b_bin},
      {"iter", b_iter},
      {"next", b_next},
      {"sorted", b_sorted},
      {"reversed", b_reversed},
      {"enumerate", b_enumerate},
      {"zip", b_zip},
      {"map", b_map},
      {"filter", b_filter},
      {"min", b_min},
      {"max", b_max},
      {"sum", b_sum},
      {"any", b_any},
      {"all", b_all},
      {"round", b_round},
      {"hash", b_hash},
  };
  for (const auto& [name, fn] : fns) t.emplace(name, Value::function(name, fn));
  for (const char* name :
       {"str", "int", "float", "bool", "list", "tuple", "dict", "set", "range", "object"})
    t.emplace(name, type_object(name));
  for_each_exception_type([&](std::string_view n) { t.emplace(n, exception_type(n)); });
  t.emplace("None", Value());
  t.emplace("True", Value(true));
  t.emplace("False", Value(false));
  return t;
}

}  // namespace
}  // namespace squall::rt

namespace squall::py {

const std::unordered_map<std::string, Value>& builtins() {
  static const std::unordered_map<std::string, Value> table = rt::make_table();
  return table;
}

std::optional<Value> builtin(std::string_view name) {
  const auto& t = builtins();
  auto it = t.find(std::string(name));
  if (it == t.end()) return std::nullopt;
  return it->second;
}

std::optional<Value> module(std::string_view name) {
  if (name == "datetime") {
    static const Value m = rt::datetime_module();
    return m;
  }
  return std::nullopt;
}

}  // namespace squall::py
