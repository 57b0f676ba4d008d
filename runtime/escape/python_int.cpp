#include "escape/python_int.hpp"

#include <string>

#include "escape/python_tables.hpp"
#include "squall/detail/unicode.hpp"

namespace squall::detail {
namespace {

// to_ascii_digits is CPython's _PyUnicode_TransformDecimalAndSpaceToASCII: non-ASCII
// decimal digits become their ASCII digit; any other non-ASCII character ends the text
// with a '?' so parsing fails there.
std::string to_ascii_digits(std::string_view text) {
  std::string ascii;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto c = decode_utf8(text, pos);
    if (!c) return ascii + '?';
    pos += c->length;
    if (c->code_point < 0x80) {
      ascii += static_cast<char>(c->code_point);
      continue;
    }
    const int digit = decimal_digit_value(c->code_point);
    if (digit < 0) return ascii + '?';
    ascii += static_cast<char>('0' + digit);
  }
  return ascii;
}

int digit_value(char c, int base) {
  int v = -1;
  if (c >= '0' && c <= '9') v = c - '0';
  if (c >= 'a' && c <= 'z') v = c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') v = c - 'A' + 10;
  return v < base ? v : -1;
}

}  // namespace

std::optional<std::uint64_t> parse_python_int(std::string_view text, int base) {
  const std::string ascii = to_ascii_digits(text);
  std::string_view s = ascii;
  if (base == 16 && s.size() >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    s.remove_prefix(2);
    if (!s.empty() && s[0] == '_') s.remove_prefix(1);  // one underscore allowed here
  }
  std::uint64_t value = 0;
  bool have_digit = false;
  bool after_underscore = false;
  for (const char c : s) {
    if (c == '_') {
      if (!have_digit || after_underscore) return std::nullopt;
      after_underscore = true;
      continue;
    }
    const int d = digit_value(c, base);
    if (d < 0) return std::nullopt;
    value = value * static_cast<std::uint64_t>(base) + static_cast<std::uint64_t>(d);
    if (value > kPythonIntSaturated) value = kPythonIntSaturated;
    have_digit = true;
    after_underscore = false;
  }
  if (!have_digit || after_underscore) return std::nullopt;
  return value;
}

}  // namespace squall::detail
