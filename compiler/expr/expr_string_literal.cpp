#include "expr/expr_string_literal.hpp"

#include <cctype>

#include "squall/detail/unicode.hpp"

namespace squall::front {

bool parse_string_prefix(std::string_view letters, StringPrefix& out) {
  out = {};
  bool unicode = false;
  for (char c : letters) {
    bool* flag = nullptr;
    switch (std::tolower(static_cast<unsigned char>(c))) {
      case 'r':
        flag = &out.raw;
        break;
      case 'b':
        flag = &out.bytes;
        break;
      case 'f':
        flag = &out.format;
        break;
      case 'u':
        flag = &unicode;
        break;
      default:
        return false;
    }
    if (*flag) return false;
    *flag = true;
  }
  if (unicode && letters.size() > 1) return false;
  return !(out.bytes && out.format);
}

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// EscapeReader decodes one backslash escape at `pos` (pointing after the backslash).
struct EscapeReader {
  std::string_view text;
  std::uint32_t limit;
  StringScan& scan;

  void fail(std::uint32_t begin, std::uint32_t end, std::string message) {
    scan.error = std::move(message);
    scan.error_begin = begin;
    scan.error_end = end;
  }

  // Reads exactly `digits` hex digits after `\x`, `\u` or `\U`.
  std::uint32_t read_hex(std::uint32_t pos, int digits, char letter) {
    std::uint32_t value = 0;
    for (int i = 0; i < digits; ++i) {
      const int h = pos + i < limit ? hex_value(text[pos + i]) : -1;
      if (h < 0) {
        fail(pos - 2, pos + i, std::string("truncated \\") + letter + " escape in string literal");
        return pos;
      }
      value = value * 16 + static_cast<std::uint32_t>(h);
    }
    append_code_point(pos - 2, pos + digits, value, letter == 'x');
    return pos + digits;
  }

  void append_code_point(std::uint32_t begin, std::uint32_t end, std::uint32_t cp, bool byte) {
    if (cp > 0x10FFFF) return fail(begin, end, "illegal Unicode character in string literal");
    if (!byte && cp >= 0xD800 && cp <= 0xDFFF) {
      return fail(begin, end, "unsupported Python syntax: surrogate code point in string literal");
    }
    detail::append_utf8(scan.value, cp);
  }

  std::uint32_t read_octal(std::uint32_t pos) {
    const std::uint32_t begin = pos - 1;
    std::uint32_t value = 0;
    int n = 0;
    while (n < 3 && pos < limit && text[pos] >= '0' && text[pos] <= '7') {
      value = value * 8 + static_cast<std::uint32_t>(text[pos] - '0');
      ++pos;
      ++n;
    }
    append_code_point(begin, pos, value, true);
    return pos;
  }

  // Returns the position after the escape.
  std::uint32_t read(std::uint32_t pos) {
    const char c = text[pos];
    switch (c) {
      case '\n':
        return pos + 1;
      case '\\':
      case '\'':
      case '"':
        scan.value += c;
        return pos + 1;
      case 'a':
        scan.value += '\a';
        return pos + 1;
      case 'b':
        scan.value += '\b';
        return pos + 1;
      case 'f':
        scan.value += '\f';
        return pos + 1;
      case 'n':
        scan.value += '\n';
        return pos + 1;
      case 'r':
        scan.value += '\r';
        return pos + 1;
      case 't':
        scan.value += '\t';
        return pos + 1;
      case 'v':
        scan.value += '\v';
        return pos + 1;
      case 'x':
        return read_hex(pos + 1, 2, 'x');
      case 'u':
        return read_hex(pos + 1, 4, 'u');
      case 'U':
        return read_hex(pos + 1, 8, 'U');
      case 'N':
        fail(pos - 1, pos + 1, "unsupported Python syntax: \\N{...} escape");
        return pos + 1;
      default:
        break;
    }
    if (c >= '0' && c <= '7') return read_octal(pos);
    // Python keeps unknown escapes verbatim (with a DeprecationWarning).
    scan.value += '\\';
    return pos;
  }
};

}  // namespace

StringScan scan_string_literal(std::string_view text, std::uint32_t quote, std::uint32_t limit,
                               const StringPrefix& prefix) {
  StringScan scan;
  const char q = text[quote];
  const bool triple = quote + 2 < limit && text[quote + 1] == q && text[quote + 2] == q;
  std::uint32_t pos = quote + (triple ? 3 : 1);
  EscapeReader escapes{text, limit, scan};
  while (scan.error.empty()) {
    if (pos >= limit || (!triple && text[pos] == '\n')) {
      scan.error =
          triple ? "unterminated triple-quoted string literal" : "unterminated string literal";
      scan.error_begin = quote;
      scan.error_end = pos;
      break;
    }
    const char c = text[pos];
    if (c == q && (!triple || (pos + 2 < limit && text[pos + 1] == q && text[pos + 2] == q))) {
      pos += triple ? 3 : 1;
      break;
    }
    if (c != '\\') {
      scan.value += c;
      ++pos;
    } else if (pos + 1 >= limit) {
      ++pos;  // reported as unterminated on the next turn
    } else if (prefix.raw) {
      // A raw string keeps the backslash and the character after it (even a quote).
      scan.value += c;
      scan.value += text[pos + 1];
      pos += 2;
    } else {
      pos = escapes.read(pos + 1);
    }
  }
  scan.end = pos;
  return scan;
}

}  // namespace squall::front
