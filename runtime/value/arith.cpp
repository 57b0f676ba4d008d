// Arithmetic operators with Python semantics (floor division, sequence repetition, ...).
#include <algorithm>
#include <cerrno>
#include <cmath>

#include "value/internal.hpp"
#include "value/set_methods.hpp"

namespace squall::rt {
namespace {

bool is_intlike(const Value& v) {
  return v.is_int() || v.is_bool();
}

[[noreturn]] void unsupported(std::string_view op, const Value& a, const Value& b) {
  raise("TypeError", "unsupported operand type(s) for " + std::string(op) + ": " + quoted_type(a) +
                         " and " + quoted_type(b));
}

Value repeat(const Value& seq, std::int64_t n) {
  if (n < 0) n = 0;
  if (seq.is_str()) {
    std::string_view s = seq.as_str();
    limits::check_string(s.size(), static_cast<std::uint64_t>(n));
    std::string out;
    out.reserve(s.size() * static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i) out += s;
    return Value(std::move(out));
  }
  const auto& items = seq.as_items();
  if (!items.empty() && static_cast<std::uint64_t>(n) > UINT64_MAX / items.size())
    limits::check_items(UINT64_MAX);
  if (!items.empty()) limits::check_items(items.size() * static_cast<std::uint64_t>(n));
  std::vector<Value> out;
  out.reserve(items.size() * static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) out.insert(out.end(), items.begin(), items.end());
  return seq.is_list() ? Value::list(std::move(out)) : Value::tuple(std::move(out));
}

// object_op dispatches an operator to an Object operand (datetime arithmetic, ...).
Value object_op(std::string_view op, const Value& a, const Value& b) {
  if (a.is_object())
    if (auto r = a.as_object().binary_op(op, b, true)) return std::move(*r);
  if (b.is_object())
    if (auto r = b.as_object().binary_op(op, a, false)) return std::move(*r);
  unsupported(op == "**" ? "** or pow()" : op, a, b);
}

bool has_object(const Value& a, const Value& b) {
  return a.is_object() || b.is_object();
}

bool is_seq(const Value& v) {
  return v.is_str() || v.is_list() || v.is_tuple();
}

Value concat(const Value& a, const Value& b) {
  if (a.kind() != b.kind()) {
    const std::string_view an = py::type_name(a);
    raise("TypeError", "can only concatenate " + std::string(an) + " (not \"" +
                           std::string(py::type_name(b)) + "\") to " + std::string(an));
  }
  if (a.is_str()) {
    std::string out;
    out.reserve(a.as_str().size() + b.as_str().size());
    (out += a.as_str()) += b.as_str();
    return Value(std::move(out));
  }
  std::vector<Value> out(a.as_items());
  out.insert(out.end(), b.as_items().begin(), b.as_items().end());
  return a.is_list() ? Value::list(std::move(out)) : Value::tuple(std::move(out));
}

double float_floordiv(double a, double b) {
  double mod = std::fmod(a, b);
  double div = (a - mod) / b;
  if (mod != 0 && ((b < 0) != (mod < 0))) div -= 1.0;
  if (div == 0) return std::copysign(0.0, a / b);
  double fl = std::floor(div);
  if (div - fl > 0.5) fl += 1.0;
  return fl;
}

std::int64_t int_pow(std::int64_t base, std::int64_t exp) {
  std::int64_t result = 1;
  while (exp > 0) {
    if (exp & 1) result = checked_mul(result, base);
    exp >>= 1;
    if (exp > 0) base = checked_mul(base, base);
  }
  return result;
}

double float_pow(double a, double b) {
  if (a == 0 && b < 0) raise("ZeroDivisionError", "0.0 cannot be raised to a negative power");
  if (a < 0 && b != std::floor(b) && std::isfinite(b))
    raise("ValueError", "negative number cannot be raised to a fractional power");
  errno = 0;
  const double r = std::pow(a, b);
  if (std::isinf(r) && std::isfinite(a) && std::isfinite(b))
    raise("OverflowError", "(34, 'Numerical result out of range')");
  return r;
}

}  // namespace
}  // namespace squall::rt

namespace squall::py {

using namespace squall::rt;

Value add(const Value& a, const Value& b) {
  if (has_object(a, b)) return object_op("+", a, b);
  if (is_intlike(a) && is_intlike(b)) return Value(checked_add(a.as_int(), b.as_int()));
  if (a.is_number() && b.is_number()) return Value(to_double(a) + to_double(b));
  if (is_seq(a)) return concat(a, b);
  unsupported("+", a, b);
}

Value sub(const Value& a, const Value& b) {
  if (has_object(a, b)) return object_op("-", a, b);
  if (is_intlike(a) && is_intlike(b)) return Value(checked_sub(a.as_int(), b.as_int()));
  if (a.is_number() && b.is_number()) return Value(to_double(a) - to_double(b));
  if (a.is_set() && b.is_set()) return set_binary(a, b, '-');
  unsupported("-", a, b);
}

Value mul(const Value& a, const Value& b) {
  if (has_object(a, b)) return object_op("*", a, b);
  if (is_intlike(a) && is_intlike(b)) return Value(checked_mul(a.as_int(), b.as_int()));
  if (a.is_number() && b.is_number()) return Value(to_double(a) * to_double(b));
  if (is_seq(a) && is_intlike(b)) return repeat(a, b.as_int());
  if (is_intlike(a) && is_seq(b)) return repeat(b, a.as_int());
  if (is_seq(a) || is_seq(b)) {
    const Value& other = is_seq(a) ? b : a;
    raise("TypeError", "can't multiply sequence by non-int of type " + quoted_type(other));
  }
  unsupported("*", a, b);
}

namespace {
int bit_length(unsigned __int128 x) {
  int n = 0;
  for (; x; x >>= 1) ++n;
  return n;
}

// int / int correctly rounded, as CPython: beyond 2**53 converting each operand to double
// first rounds twice. The quotient is taken exactly with at least 55 bits plus a sticky bit,
// so the one conversion to double rounds it correctly.
double int_truediv(std::int64_t a, std::int64_t b) {
  constexpr std::int64_t kExact = std::int64_t{1} << 53;
  if (a > -kExact && a < kExact && b > -kExact && b < kExact)
    return static_cast<double>(a) / static_cast<double>(b);
  const auto mag = [](std::int64_t x) {
    return static_cast<unsigned __int128>(x < 0 ? 0 - static_cast<std::uint64_t>(x)
                                                : static_cast<std::uint64_t>(x));
  };
  const unsigned __int128 n = mag(a), d = mag(b);
  if (n == 0) return (a < 0) != (b < 0) ? -0.0 : 0.0;
  const int shift = std::max(0, 56 + bit_length(d) - bit_length(n));
  const unsigned __int128 scaled = n << shift;
  const auto q = static_cast<std::uint64_t>(scaled / d) | (scaled % d != 0 ? 1u : 0u);
  const double r = std::ldexp(static_cast<double>(q), -shift);
  return (a < 0) != (b < 0) ? -r : r;
}
}  // namespace

Value truediv(const Value& a, const Value& b) {
  if (has_object(a, b)) return object_op("/", a, b);
  if (!a.is_number() || !b.is_number()) unsupported("/", a, b);
  if (to_double(b) == 0) {
    raise("ZeroDivisionError",
          is_intlike(a) && is_intlike(b) ? "division by zero" : "float division by zero");
  }
  if (is_intlike(a) && is_intlike(b)) return Value(int_truediv(a.as_int(), b.as_int()));
  return Value(to_double(a) / to_double(b));
}

Value floordiv(const Value& a, const Value& b) {
  if (has_object(a, b)) return object_op("//", a, b);
  if (is_intlike(a) && is_intlike(b)) return Value(int_floordiv(a.as_int(), b.as_int()));
  if (!a.is_number() || !b.is_number()) unsupported("//", a, b);
  if (to_double(b) == 0) raise("ZeroDivisionError", "float floor division by zero");
  return Value(float_floordiv(to_double(a), to_double(b)));
}

Value mod(const Value& a, const Value& b) {
  if (a.is_str()) return Value(percent_format(a.as_str(), b));
  if (has_object(a, b)) return object_op("%", a, b);
  if (is_intlike(a) && is_intlike(b)) return Value(int_mod(a.as_int(), b.as_int()));
  if (!a.is_number() || !b.is_number()) unsupported("%", a, b);
  if (to_double(b) == 0) raise("ZeroDivisionError", "float modulo");
  return Value(float_mod(to_double(a), to_double(b)));
}

Value pow(const Value& a, const Value& b) {
  if (has_object(a, b)) return object_op("**", a, b);
  if (is_intlike(a) && is_intlike(b)) {
    if (b.as_int() >= 0) return Value(int_pow(a.as_int(), b.as_int()));
    if (a.as_int() == 0) raise("ZeroDivisionError", "0.0 cannot be raised to a negative power");
  }
  if (!a.is_number() || !b.is_number()) unsupported("** or pow()", a, b);
  return Value(float_pow(to_double(a), to_double(b)));
}

Value lshift(const Value& a, const Value& b) {
  if (!is_intlike(a) || !is_intlike(b)) unsupported("<<", a, b);
  const std::int64_t x = a.as_int(), n = b.as_int();
  if (n < 0) raise("ValueError", "negative shift count");
  if (x == 0) return Value(0);
  if (n == 63 && x == -1) return Value(INT64_MIN);  // fits, as -2**63
  if (n >= 63) int_overflow();
  const std::int64_t r = static_cast<std::int64_t>(static_cast<std::uint64_t>(x) << n);
  if ((r >> n) != x) int_overflow();
  return Value(r);
}

Value rshift(const Value& a, const Value& b) {
  if (!is_intlike(a) || !is_intlike(b)) unsupported(">>", a, b);
  const std::int64_t x = a.as_int(), n = b.as_int();
  if (n < 0) raise("ValueError", "negative shift count");
  return Value(n >= 63 ? (x < 0 ? -1 : 0) : x >> n);
}

namespace {
Value bitwise(const Value& a, const Value& b, char op) {
  if (a.is_bool() && b.is_bool()) {
    const bool x = a.as_bool(), y = b.as_bool();
    return Value(op == '&' ? (x && y) : op == '|' ? (x || y) : (x != y));
  }
  if (is_intlike(a) && is_intlike(b)) {
    const std::int64_t x = a.as_int(), y = b.as_int();
    return Value(op == '&' ? (x & y) : op == '|' ? (x | y) : (x ^ y));
  }
  if (a.is_set() && b.is_set()) return set_binary(a, b, op);
  if (op == '|' && a.is_dict() && b.is_dict()) {
    Value out = Value::dict();
    for (const Value& d : {a, b}) {
      for (const auto& [k, v] : d.as_dict().entries()) out.as_dict().set(k, v);
    }
    return out;
  }
  unsupported(std::string(1, op), a, b);
}
}  // namespace

Value and_(const Value& a, const Value& b) {
  return bitwise(a, b, '&');
}
Value or_(const Value& a, const Value& b) {
  return bitwise(a, b, '|');
}
Value xor_(const Value& a, const Value& b) {
  return bitwise(a, b, '^');
}

Value neg(const Value& a) {
  if (a.is_float()) return Value(-a.as_float());
  if (is_intlike(a)) return Value(checked_sub(0, a.as_int()));
  raise("TypeError", "bad operand type for unary -: " + quoted_type(a));
}

Value pos(const Value& a) {
  if (a.is_float()) return a;
  if (is_intlike(a)) return Value(a.as_int());
  raise("TypeError", "bad operand type for unary +: " + quoted_type(a));
}

Value invert(const Value& a) {
  if (is_intlike(a)) return Value(~a.as_int());
  raise("TypeError", "bad operand type for unary ~: " + quoted_type(a));
}

Value not_(const Value& a) {
  return Value(!truthy(a));
}

}  // namespace squall::py
