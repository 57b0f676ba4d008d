// hash(): Python 3.11's numeric and tuple hashes (so `hash(1.5)` or `hash((1, 2))` print
// what CPython prints); strings and other objects hash per process, as in CPython, where
// str hashes are randomized.
#include <cmath>
#include <cstdint>

#include "value/builtins.hpp"

namespace squall::rt {
namespace {

constexpr int kHashBits = 61;
constexpr std::uint64_t kModulus = (std::uint64_t{1} << kHashBits) - 1;  // a Mersenne prime

// -1 is CPython's error return, so no hash is -1.
std::int64_t not_minus_one(std::int64_t h) {
  return h == -1 ? -2 : h;
}

std::int64_t hash_int(std::int64_t v) {
  const std::uint64_t magnitude =
      v < 0 ? ~static_cast<std::uint64_t>(v) + 1 : static_cast<std::uint64_t>(v);
  const auto reduced = static_cast<std::int64_t>(magnitude % kModulus);
  return not_minus_one(v < 0 ? -reduced : reduced);
}

// CPython's _Py_HashDouble: the float's value as a fraction reduced modulo the prime, so
// equal ints and floats hash alike.
std::int64_t hash_float(double v) {
  if (std::isinf(v)) return v > 0 ? 314159 : -314159;
  if (std::isnan(v)) return 0;
  int e = 0;
  double m = std::frexp(v, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  std::uint64_t x = 0;
  while (m != 0) {
    x = ((x << 28) & kModulus) | x >> (kHashBits - 28);
    m *= 268435456.0;  // 2**28
    e -= 28;
    const auto y = static_cast<std::uint64_t>(m);
    m -= static_cast<double>(y);
    x += y;
    if (x >= kModulus) x -= kModulus;
  }
  e = e >= 0 ? e % kHashBits : kHashBits - 1 - ((-1 - e) % kHashBits);
  x = ((x << e) & kModulus) | x >> (kHashBits - e);
  return not_minus_one(static_cast<std::int64_t>(x) * sign);
}

std::int64_t hash_value(const Value& v);

// CPython 3.8+'s xxHash-based tuplehash.
std::int64_t hash_tuple(const Value& v) {
  constexpr std::uint64_t kPrime1 = 11400714785074694791ULL;
  constexpr std::uint64_t kPrime2 = 14029467366897019727ULL;
  constexpr std::uint64_t kPrime5 = 2870177450012600261ULL;
  const auto& items = v.as_items();
  std::uint64_t acc = kPrime5;
  for (const auto& item : items) {
    const auto lane = static_cast<std::uint64_t>(hash_value(item));
    acc += lane * kPrime2;
    acc = (acc << 31) | (acc >> 33);
    acc *= kPrime1;
  }
  acc += items.size() ^ (kPrime5 ^ 3527539ULL);
  const auto h = static_cast<std::int64_t>(acc);
  return h == -1 ? 1546275796 : h;
}

std::int64_t hash_value(const Value& v) {
  switch (v.kind()) {
    case Kind::Bool:
    case Kind::Int:
      return hash_int(v.as_int());
    case Kind::Float:
      return hash_float(v.as_float());
    case Kind::Tuple:
      return hash_tuple(v);
    default:  // str, None, objects: per-process values; TypeError when unhashable
      return not_minus_one(static_cast<std::int64_t>(py::hash(v) >> 1));
  }
}

}  // namespace

Value b_hash(Args a, KwArgs k) {
  check_arity("hash", a, 1, 1);
  no_kwargs("hash", k);
  return Value(hash_value(a[0]));
}

}  // namespace squall::rt
