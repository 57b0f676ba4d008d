// int(str) and float(str) with CPython's accepted syntax and error messages.
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>

#include "escape/python_tables.hpp"
#include "squall/detail/unicode.hpp"
#include "value/internal.hpp"

namespace squall::rt {
namespace {

// CPython first maps every Unicode decimal digit to its ASCII digit and every Unicode space
// to ' ' (_PyUnicode_TransformDecimalAndSpaceToASCII); other non-ASCII is kept (and fails).
std::string ascii_digits(std::string_view text) {
  if (is_ascii(text)) return std::string(text);
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto c = detail::decode_utf8(text, pos);
    const std::size_t n = c ? c->length : 1;
    const int d = c ? detail::decimal_digit_value(c->code_point) : -1;
    if (d >= 0) {
      out += static_cast<char>('0' + d);
    } else if (c && detail::is_python_space(c->code_point)) {
      out += ' ';
    } else {
      out.append(text, pos, n);
    }
    pos += n;
  }
  return out;
}

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

// Removes single underscores between digits; false when an underscore is misplaced.
bool strip_underscores(std::string_view in, std::string& out, bool allow_leading) {
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '_') {
      out += in[i];
      continue;
    }
    const bool prev_ok =
        i > 0 ? std::isalnum(static_cast<unsigned char>(in[i - 1])) != 0 : allow_leading;
    if (!prev_ok || i + 1 >= in.size() || !std::isalnum(static_cast<unsigned char>(in[i + 1])))
      return false;
  }
  return true;
}

std::optional<std::int64_t> parse_digits(std::string_view body, int base, bool negative,
                                         bool after_prefix) {
  std::string digits;
  if (body.empty() || !strip_underscores(body, digits, after_prefix) || digits.empty())
    return std::nullopt;
  std::int64_t value = 0;
  for (char c : digits) {
    const int d = digit_value(c);
    if (d >= base) return std::nullopt;
    value = checked_add(checked_mul(value, base), negative ? -d : d);
  }
  return value;
}

}  // namespace

std::int64_t parse_int_literal(std::string_view text, std::int64_t base) {
  if (base != 0 && (base < 2 || base > 36))
    raise("ValueError", "int() base must be >= 2 and <= 36, or 0");
  auto fail = [&]() -> std::int64_t {
    std::string msg = "invalid literal for int() with base " + std::to_string(base) + ": ";
    append_str_repr(msg, text);
    raise("ValueError", msg);
  };
  const std::string ascii = ascii_digits(text);
  std::string_view s = detail::python_strip(ascii);
  bool negative = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  int b = static_cast<int>(base);
  bool prefixed = false;
  if (s.size() >= 2 && s[0] == '0') {
    const char p = static_cast<char>(std::tolower(static_cast<unsigned char>(s[1])));
    const int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
    if (pb && (b == 0 || b == pb)) {
      b = pb;
      s.remove_prefix(2);
      prefixed = true;
    }
  }
  if (b == 0) {
    // Base 0 decimal literals may not have leading zeros ("010"), except all zeros.
    if (s.size() > 1 && s[0] == '0' && s.find_first_not_of("0_") != std::string_view::npos)
      return fail();
    b = 10;
  }
  auto v = parse_digits(s, b, negative, prefixed);
  return v ? *v : fail();
}

double parse_float_literal(std::string_view text) {
  auto fail = [&]() -> double {
    std::string msg = "could not convert string to float: ";
    append_str_repr(msg, text);
    raise("ValueError", msg);
  };
  const std::string ascii = ascii_digits(text);
  std::string_view s = detail::python_strip(ascii);
  std::string clean;
  if (s.empty() || s.find('(') != std::string_view::npos || !strip_underscores(s, clean, false))
    return fail();
  std::string_view body = clean;
  const bool negative = !body.empty() && body[0] == '-';
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) body.remove_prefix(1);
  if (body.empty() || body[0] == '+' || body[0] == '-') return fail();
  double d = 0;
  auto r = std::from_chars(body.data(), body.data() + body.size(), d);
  if (r.ptr != body.data() + body.size()) return fail();
  if (r.ec == std::errc::result_out_of_range)
    d = std::strtod(std::string(body).c_str(), nullptr);
  else if (r.ec != std::errc())
    return fail();
  return negative ? -d : d;
}

}  // namespace squall::rt
