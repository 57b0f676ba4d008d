// Shared helpers: checked integer arithmetic, UTF-8 by code point, argument checking.
#include <cmath>

#include "squall/detail/unicode.hpp"
#include "value/internal.hpp"

namespace squall::rt {

void int_overflow() {
  raise("OverflowError", "integer result too large for 64-bit int");
}

std::int64_t checked_add(std::int64_t a, std::int64_t b) {
  std::int64_t r;
  if (__builtin_add_overflow(a, b, &r)) int_overflow();
  return r;
}
std::int64_t checked_sub(std::int64_t a, std::int64_t b) {
  std::int64_t r;
  if (__builtin_sub_overflow(a, b, &r)) int_overflow();
  return r;
}
std::int64_t checked_mul(std::int64_t a, std::int64_t b) {
  std::int64_t r;
  if (__builtin_mul_overflow(a, b, &r)) int_overflow();
  return r;
}

std::int64_t int_floordiv(std::int64_t a, std::int64_t b) {
  if (b == 0) raise("ZeroDivisionError", "integer division or modulo by zero");
  if (a == INT64_MIN && b == -1) int_overflow();
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

std::int64_t int_mod(std::int64_t a, std::int64_t b) {
  if (b == 0) raise("ZeroDivisionError", "integer modulo by zero");
  if (b == -1) return 0;
  std::int64_t m = a % b;
  if (m != 0 && ((m < 0) != (b < 0))) m += b;
  return m;
}

double float_mod(double a, double b) {
  double m = std::fmod(a, b);
  if (m != 0) {
    if ((b < 0) != (m < 0)) m += b;
  } else {
    m = std::copysign(0.0, b);
  }
  return m;
}

bool is_ascii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

std::vector<std::size_t> cp_offsets(std::string_view s) {
  std::vector<std::size_t> out;
  out.reserve(s.size() + 1);
  std::size_t pos = 0;
  while (pos < s.size()) {
    out.push_back(pos);
    auto c = detail::decode_utf8(s, pos);
    pos += c ? c->length : 1;
  }
  out.push_back(s.size());
  return out;
}

std::size_t cp_len(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::u32string decode_all(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  std::size_t pos = 0;
  while (pos < s.size()) {
    auto c = detail::decode_utf8(s, pos);
    out.push_back(c ? c->code_point : U'\uFFFD');
    pos += c ? c->length : 1;
  }
  return out;
}

std::string encode_all(std::u32string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t c : s) detail::append_utf8(out, c);
  return out;
}

void check_arity(std::string_view name, Args args, std::size_t min, std::size_t max) {
  const std::size_t n = args.size();
  if (n >= min && n <= max) return;
  std::string msg(name);
  if (min == max) {
    msg += "() takes exactly " + std::to_string(min) + " argument";
    msg += min == 1 ? "" : "s";
  } else if (n < min) {
    msg += " expected at least " + std::to_string(min) + " argument";
    msg += min == 1 ? "" : "s";
  } else {
    msg += " expected at most " + std::to_string(max) + " argument";
    msg += max == 1 ? "" : "s";
  }
  raise("TypeError", msg + ", got " + std::to_string(n));
}

void no_kwargs(std::string_view name, KwArgs kwargs) {
  if (!kwargs.empty()) raise("TypeError", std::string(name) + "() takes no keyword arguments");
}

const Value* kwarg(KwArgs kwargs, std::string_view name) {
  for (const auto& kw : kwargs)
    if (kw.name == name) return &kw.value;
  return nullptr;
}

const Value* arg(Args args, KwArgs kwargs, std::size_t i, std::string_view name) {
  if (i < args.size()) return &args[i];
  return kwarg(kwargs, name);
}

std::int64_t to_index(const Value& v, std::string_view what) {
  if (v.is_int() || v.is_bool()) return v.as_int();
  raise("TypeError",
        std::string(what) + " must be integers or slices, not " + std::string(py::type_name(v)));
}

std::string_view str_arg(const Value& v, std::string_view name) {
  if (v.is_str()) return v.as_str();
  raise("TypeError",
        std::string(name) + "() argument must be str, not " + std::string(py::type_name(v)));
}

namespace {
thread_local int depth = 0;
constexpr int kMaxDepth = 400;
}  // namespace

DepthGuard::DepthGuard() {
  if (++depth > kMaxDepth) {
    --depth;
    raise("RecursionError", "maximum recursion depth exceeded");
  }
}
DepthGuard::~DepthGuard() {
  --depth;
}

}  // namespace squall::rt

namespace squall::py {
void raise_type_error(std::string message) {
  rt::raise("TypeError", std::move(message));
}
void raise_value_error(std::string message) {
  rt::raise("ValueError", std::move(message));
}
}  // namespace squall::py
