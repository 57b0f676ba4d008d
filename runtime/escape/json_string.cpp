#include "escape/utf8_replace.hpp"
#include "squall/detail/unicode.hpp"
#include "squall/escape.hpp"

namespace squall {
namespace {

constexpr char kLowerHex[] = "0123456789abcdef";

void append_u_escape(std::string& out, char32_t unit) {
  const char escaped[6] = {'\\',
                           'u',
                           kLowerHex[(unit >> 12) & 0xF],
                           kLowerHex[(unit >> 8) & 0xF],
                           kLowerHex[(unit >> 4) & 0xF],
                           kLowerHex[unit & 0xF]};
  out.append(escaped, 6);
}

void append_code_point_escape(std::string& out, char32_t cp) {
  if (cp < 0x10000) {
    append_u_escape(out, cp);
    return;
  }
  const char32_t v = cp - 0x10000;
  append_u_escape(out, 0xD800 | (v >> 10));
  append_u_escape(out, 0xDC00 | (v & 0x3FF));
}

// short_escape returns json.dumps's two-character escape for an ASCII byte, or "" when the
// byte is printable (0x20..0x7E) and needs none, or "u" when it needs \u00XX.
std::string_view short_escape(unsigned char c) {
  switch (c) {
    case '"':
      return "\\\"";
    case '\\':
      return "\\\\";
    case '\n':
      return "\\n";
    case '\r':
      return "\\r";
    case '\t':
      return "\\t";
    case '\b':
      return "\\b";
    case '\f':
      return "\\f";
    default:
      return (c < 0x20 || c == 0x7F) ? "u" : "";
  }
}

// append_non_ascii escapes the character at text[pos] and returns its length in bytes.
std::size_t append_non_ascii(std::string& out, std::string_view text, std::size_t pos) {
  if (const auto c = detail::decode_utf8(text, pos)) {
    append_code_point_escape(out, c->code_point);
    return c->length;
  }
  if (const auto surrogate = detail::surrogate_at(text, pos)) {  // json.dumps(chr(0xD800))
    append_u_escape(out, *surrogate);
    return 3;
  }
  append_u_escape(out, 0xFFFD);
  return detail::invalid_utf8_length(text, pos);
}

}  // namespace

void append_json_string(std::string& out, std::string_view text, bool escape_script_close) {
  out += '"';
  std::size_t run = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto c = static_cast<unsigned char>(text[pos]);
    std::string_view escape;
    if (c < 0x80) {
      escape = short_escape(c);
      if (escape.empty() && c == '/' && escape_script_close && pos > 0 && text[pos - 1] == '<') {
        escape = "\\/";
      }
      if (escape.empty()) {
        ++pos;
        continue;
      }
    }
    out.append(text, run, pos - run);
    if (c >= 0x80) {
      pos += append_non_ascii(out, text, pos);
    } else {
      if (escape == "u") {
        append_u_escape(out, c);
      } else {
        out += escape;
      }
      ++pos;
    }
    run = pos;
  }
  out.append(text, run);
  out += '"';
}

}  // namespace squall
