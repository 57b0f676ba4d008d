// round() with Python's semantics: ties to even, exact decimal rounding of floats.
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "value/builtins.hpp"

namespace squall::rt {
namespace {

std::int64_t round_int(std::int64_t x, std::int64_t ndigits) {
  if (ndigits >= 0) return x;
  if (ndigits < -18) return 0;
  std::int64_t pow = 1;
  for (std::int64_t i = 0; i < -ndigits; ++i) pow *= 10;
  const std::int64_t q = int_floordiv(x, pow), r = int_mod(x, pow);
  std::int64_t up = q;
  if (2 * r > pow || (2 * r == pow && (q & 1))) up = checked_add(q, 1);
  return checked_mul(up, pow);
}

// Python rounds the exact binary value to `ndigits` decimals, ties to even; glibc's printf
// does the same correctly rounded conversion, so format and parse back.
double round_float(double x, std::int64_t ndigits) {
  if (!std::isfinite(x) || x == 0) return x;
  if (ndigits > 323) return x;
  if (ndigits < -308) return std::copysign(0.0, x);
  if (ndigits >= 0) {
    char buf[400];
    std::snprintf(buf, sizeof buf, "%.*f", static_cast<int>(ndigits), x);
    return std::strtod(buf, nullptr);
  }
  const double pow = std::pow(10.0, static_cast<double>(-ndigits));
  const double y = std::nearbyint(x / pow) * pow;
  if (std::isinf(y)) raise("OverflowError", "rounded value too large to represent");
  return y;
}

}  // namespace

Value b_round(Args args, KwArgs kwargs) {
  check_arity("round", args, 1, 2);
  const Value& x = args[0];
  const Value* nd = arg(args, kwargs, 1, "ndigits");
  if (nd && nd->is_none()) nd = nullptr;
  if (x.is_int() || x.is_bool()) {
    return Value(nd ? round_int(x.as_int(), to_index(*nd, "ndigits")) : x.as_int());
  }
  if (!x.is_float())
    raise("TypeError",
          "type " + std::string(py::type_name(x)) + " doesn't define __round__ method");
  if (nd) return Value(round_float(x.as_float(), to_index(*nd, "ndigits")));
  const double d = x.as_float();
  if (std::isnan(d)) raise("ValueError", "cannot convert float NaN to integer");
  if (std::isinf(d)) raise("OverflowError", "cannot convert float infinity to integer");
  const double r = std::nearbyint(d);  // default rounding mode: ties to even
  if (r >= 9223372036854775808.0 || r < -9223372036854775808.0) int_overflow();
  return Value(static_cast<std::int64_t>(r));
}

}  // namespace squall::rt
