#include "diag/python_repr.hpp"

#include <fmt/format.h>

#include "squall/detail/unicode.hpp"

namespace squall::front {
namespace {

// is_printable approximates `str.isprintable()`: false for categories Cc, Zs (but space),
// Zl, Zp, Cf and Co, which are the ones template text realistically holds.
bool is_printable(char32_t cp) {
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0xAD) return false;
  if (cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F))
    return false;
  if ((cp >= 0x205F && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x206F) || cp == 0x3000)
    return false;
  if (cp == 0x061C || cp == 0x180E || cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB)) return false;
  if ((cp >= 0xE000 && cp <= 0xF8FF) || cp >= 0xF0000) return false;
  return true;
}

void append_escaped(std::string& out, char32_t cp, char quote) {
  switch (cp) {
    case '\\':
      out += "\\\\";
      return;
    case '\n':
      out += "\\n";
      return;
    case '\r':
      out += "\\r";
      return;
    case '\t':
      out += "\\t";
      return;
    default:
      break;
  }
  if (cp == static_cast<char32_t>(quote)) {
    out += '\\';
    out += quote;
  } else if (is_printable(cp)) {
    detail::append_utf8(out, cp);
  } else if (cp <= 0xFF) {
    out += fmt::format("\\x{:02x}", static_cast<unsigned>(cp));
  } else if (cp <= 0xFFFF) {
    out += fmt::format("\\u{:04x}", static_cast<unsigned>(cp));
  } else {
    out += fmt::format("\\U{:08x}", static_cast<unsigned>(cp));
  }
}

}  // namespace

std::string python_str_repr(std::string_view text) {
  const bool has_single = text.find('\'') != std::string_view::npos;
  const bool has_double = text.find('"') != std::string_view::npos;
  const char quote = has_single && !has_double ? '"' : '\'';
  std::string out(1, quote);
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto c = detail::decode_utf8(text, pos);
    const char32_t cp = c ? c->code_point : 0xFFFD;
    append_escaped(out, cp, quote);
    pos += c ? c->length : 1;
  }
  out += quote;
  return out;
}

}  // namespace squall::front
