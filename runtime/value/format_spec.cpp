// format(value, spec): the format-spec mini-language for ints, floats and strings.
#include <cmath>
#include <cstdio>

#include "squall/detail/unicode.hpp"
#include "value/format_spec.hpp"

#include "squall/limits.hpp"

namespace squall::rt {
namespace {

// is_one_of: `c` is in `set`, or is the empty type (0).
bool is_one_of(char c, std::string_view set) {
  return c == 0 || set.find(c) != std::string_view::npos;
}

[[noreturn]] void unknown_code(char t, std::string_view type) {
  raise("ValueError", std::string("Unknown format code '") + t + "' for object of type '" +
                          std::string(type) + "'");
}

bool is_align(char c) {
  return c == '<' || c == '>' || c == '=' || c == '^';
}

std::int64_t read_number(std::string_view s, std::size_t& i) {
  std::int64_t n = 0;
  // CPython's limit is Py_ssize_t; a width that fits but is huge is a MemoryError later.
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    const int digit = s[i++] - '0';
    if (n > (INT64_MAX - digit) / 10)
      raise("ValueError", "Too many decimal digits in format string");
    n = n * 10 + digit;
  }
  return n;
}

std::string group_digits(std::string_view digits, char sep, std::size_t every) {
  std::string out;
  const std::size_t n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i && (n - i) % every == 0) out += sep;
    out += digits[i];
  }
  return out;
}

// Groups the integer part of `num` (digits, optional fraction/exponent), zero-padding it to
// `min_len` total characters first when the '0' flag asks for it (CPython pads inside groups).
std::string apply_grouping(std::string num, const FormatSpec& s, std::size_t every,
                           std::size_t min_len) {
  std::size_t int_end = 0;
  while (int_end < num.size() && std::isxdigit(static_cast<unsigned char>(num[int_end])) &&
         !(every == 3 && (num[int_end] == 'e' || num[int_end] == 'E')))
    ++int_end;
  std::string digits = num.substr(0, int_end);
  const std::string rest = num.substr(int_end);
  // The grouped length of d digits, so the zeros are counted instead of added one at a time.
  const auto grouped_len = [&](std::size_t d) { return s.grouping && d ? d + (d - 1) / every : d; };
  std::size_t d = digits.size();
  if (s.zero && grouped_len(d) + rest.size() < min_len) {
    limits::check_string(min_len);
    while (grouped_len(d) + rest.size() < min_len) ++d;
    digits.insert(0, d - digits.size(), '0');
  }
  std::string grouped = s.grouping ? group_digits(digits, s.grouping, every) : digits;
  return grouped + rest;
}

std::string sign_of(bool negative, char sign) {
  if (negative) return "-";
  if (sign == '+') return "+";
  if (sign == ' ') return " ";
  return "";
}

std::string finish_number(bool negative, std::string prefix, std::string num, const FormatSpec& s,
                          std::size_t every) {
  std::string head = sign_of(negative, s.sign) + prefix;
  const std::size_t min_len =
      s.zero && s.align == 0 && s.width > 0 && static_cast<std::size_t>(s.width) > head.size()
          ? static_cast<std::size_t>(s.width) - head.size()
          : 0;
  num = apply_grouping(std::move(num), s, every, min_len);
  return pad(head + num, s, '>', head.size());
}

std::string strip_zeros(std::string m) {
  if (m.find('.') == std::string::npos) return m;
  while (m.back() == '0') m.pop_back();
  if (m.back() == '.') m.pop_back();
  return m;
}

// The empty presentation type with a precision: 'g' that switches to exponent one digit
// earlier and keeps a ".0" on integral fixed-point output (CPython's Py_DTSF_ADD_DOT_0).
std::string general_dot0(double v, int p, bool alternate) {
  if (!std::isfinite(v)) return c_float(v, 'g', p, false);
  std::string sci = c_float(v, 'e', p - 1, alternate);
  const std::size_t e = sci.find('e');
  const int exp = std::stoi(sci.substr(e + 1));
  if (exp < -4 || exp >= p - 1) {
    std::string mant = alternate ? sci.substr(0, e) : strip_zeros(sci.substr(0, e));
    return mant + sci.substr(e);
  }
  std::string fixed = c_float(v, 'f', p - 1 - exp, alternate);
  if (!alternate) fixed = strip_zeros(fixed);
  if (fixed.find('.') == std::string::npos) fixed += ".0";
  if (fixed.back() == '.') fixed += '0';
  return fixed;
}

}  // namespace

FormatSpec parse_format_spec(std::string_view spec) {
  FormatSpec s;
  std::size_t i = 0;
  bool fill_given = false;
  // A fill character is any code point followed by an align character.
  if (!spec.empty()) {
    auto c = detail::decode_utf8(spec, 0);
    const std::size_t n = c ? c->length : 1;
    if (n < spec.size() && is_align(spec[n])) {
      s.fill = c ? c->code_point : U'?';
      s.align = spec[n];
      i = n + 1;
      fill_given = true;
    } else if (is_align(spec[0])) {
      s.align = spec[0];
      i = 1;
    }
  }
  if (i < spec.size() && (spec[i] == '+' || spec[i] == '-' || spec[i] == ' ')) s.sign = spec[i++];
  if (i < spec.size() && spec[i] == '#') s.alternate = true, ++i;
  if (i < spec.size() && spec[i] == '0') {
    s.zero = true;
    ++i;
    if (!fill_given) s.fill = U'0';
  }
  if (i < spec.size() && spec[i] >= '0' && spec[i] <= '9') s.width = read_number(spec, i);
  if (i < spec.size() && (spec[i] == ',' || spec[i] == '_')) s.grouping = spec[i++];
  if (i < spec.size() && spec[i] == '.') {
    ++i;
    if (i >= spec.size() || spec[i] < '0' || spec[i] > '9')
      raise("ValueError", "Format specifier missing precision");
    s.precision = read_number(spec, i);
  }
  if (i < spec.size()) s.type = spec[i++];
  if (i < spec.size()) raise("ValueError", "Invalid format specifier");

  return s;
}

std::string pad(std::string body, const FormatSpec& s, char default_align, std::size_t sign_len) {
  const std::size_t len = cp_len(body);
  if (s.width < 0 || len >= static_cast<std::size_t>(s.width)) return body;
  const std::size_t n = static_cast<std::size_t>(s.width) - len;
  char align = s.align ? s.align : (s.zero && default_align == '>' ? '=' : default_align);
  std::string fill;
  detail::append_utf8(fill, s.fill);
  limits::check_string(fill.size(), n);
  limits::check_string(fill.size() * n + body.size());
  auto fills = [&](std::size_t k) {
    if (fill.size() == 1) return std::string(k, fill[0]);
    std::string out;
    out.reserve(k * fill.size());
    for (std::size_t j = 0; j < k; ++j) out += fill;
    return out;
  };
  if (align == '<') return body + fills(n);
  if (align == '^') return fills(n / 2) + body + fills(n - n / 2);
  if (align == '=') return body.substr(0, sign_len) + fills(n) + body.substr(sign_len);
  return fills(n) + body;
}

std::string c_float(double v, char conv, int precision, bool alternate) {
  const bool upper = conv == 'E' || conv == 'F' || conv == 'G';
  if (std::isnan(v)) return upper ? "NAN" : "nan";
  if (std::isinf(v)) return upper ? "INF" : "inf";
  char fmt[8] = "%#.*";
  std::size_t n = alternate ? 4 : 3;
  if (!alternate) fmt[1] = '.', fmt[2] = '*';
  fmt[n++] = conv;
  fmt[n] = 0;
  limits::check_string(static_cast<std::size_t>(precision) + 400);
  std::vector<char> buf(static_cast<std::size_t>(precision) + 400);
  std::snprintf(buf.data(), buf.size(), fmt, precision, std::fabs(v));
  return buf.data();
}

std::string format_int(std::int64_t v, const FormatSpec& s) {
  if (s.precision >= 0) raise("ValueError", "Precision not allowed in integer format specifier");
  const bool neg = v < 0;
  std::uint64_t u = neg ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
  const char t = s.type ? s.type : 'd';
  if (t == 'c') {
    if (s.sign) raise("ValueError", "Sign not allowed with integer format specifier 'c'");
    if (s.alternate)
      raise("ValueError", "Alternate form (#) not allowed with integer format specifier 'c'");
    if (v < 0 || v > 0x10FFFF) raise("OverflowError", "%c arg not in range(0x110000)");
    std::string out;
    detail::append_utf8(out, static_cast<char32_t>(v));
    return pad(out, s, '<', 0);
  }
  const unsigned base = t == 'x' || t == 'X' ? 16 : t == 'o' ? 8 : t == 'b' ? 2 : 10;
  std::string digits;
  const char* alphabet = t == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
  do {
    digits.insert(digits.begin(), alphabet[u % base]);
    u /= base;
  } while (u);
  std::string prefix;
  if (s.alternate && base != 10) prefix = std::string("0") + (t == 'b' ? 'b' : t == 'o' ? 'o' : t);
  return finish_number(neg, prefix, digits, s, base == 10 ? 3 : 4);
}

std::string format_float(double v, const FormatSpec& s) {
  char t = s.type;
  const bool neg = std::signbit(v) && !std::isnan(v);
  std::string num;
  if (t == 0 && s.precision < 0) {
    num = py::float_repr(std::fabs(v));
  } else if (t == 0) {
    num = general_dot0(std::fabs(v), static_cast<int>(std::max<std::int64_t>(s.precision, 1)),
                       s.alternate);
  } else if (t == '%') {
    num = c_float(v * 100, 'f', static_cast<int>(s.precision < 0 ? 6 : s.precision), s.alternate) +
          "%";
  } else {
    num = c_float(v, t == 'n' ? 'g' : t, static_cast<int>(s.precision < 0 ? 6 : s.precision),
                  s.alternate);
  }
  return finish_number(neg, "", num, s, 3);
}

std::string format_text(std::string_view v, const FormatSpec& s) {
  if (s.sign == ' ') raise("ValueError", "Space not allowed in string format specifier");
  if (s.sign) raise("ValueError", "Sign not allowed in string format specifier");
  if (s.alternate) raise("ValueError", "Alternate form (#) not allowed in string format specifier");
  if (s.align == '=') raise("ValueError", "'=' alignment not allowed in string format specifier");
  std::string body(v);
  if (s.precision >= 0 && cp_len(body) > static_cast<std::size_t>(s.precision)) {
    const auto offs = cp_offsets(body);
    body.resize(offs[static_cast<std::size_t>(s.precision)]);
  }
  return pad(std::move(body), s, '<', 0);
}

}  // namespace squall::rt

namespace squall::py {

using namespace squall::rt;

std::string format_value(const Value& v, std::string_view spec) {
  if (spec.empty()) return str(v);
  if (v.is_object()) {  // objects may define __format__ (datetime formats with strftime)
    const Value arg(spec);
    if (auto r = v.as_object().call_method("__format__", std::span(&arg, 1), {})) return str(*r);
  }
  if (!v.is_number() && !v.is_str())
    raise("TypeError",
          "unsupported format string passed to " + std::string(type_name(v)) + ".__format__");
  const FormatSpec s = parse_format_spec(spec);
  const char t = s.type;
  // Grouping is checked against the type (str defaults to 's', int to 'd') before anything
  // else, as CPython does while parsing the spec.
  const char effective = t ? t : v.is_str() ? 's' : v.is_float() ? 0 : 'd';
  if (s.grouping && !is_one_of(effective, "defgEGF%") &&
      !(s.grouping == '_' && is_one_of(effective, "boxX"))) {
    raise("ValueError",
          std::string("Cannot specify '") + s.grouping + "' with '" + effective + "'.");
  }
  if (v.is_int() || v.is_bool()) {
    if (t && is_one_of(t, "eEfFgG%")) return format_float(static_cast<double>(v.as_int()), s);
    if (!is_one_of(t, "bcdoxXn")) unknown_code(t, type_name(v));
    return format_int(v.as_int(), s);
  }
  if (v.is_float()) {
    if (!is_one_of(t, "eEfFgGn%")) unknown_code(t, "float");
    return format_float(v.as_float(), s);
  }
  if (!is_one_of(t, "s")) unknown_code(t, "str");
  return format_text(v.as_str(), s);
}

}  // namespace squall::py
