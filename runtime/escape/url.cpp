#include <array>

#include "escape/utf8_replace.hpp"
#include "squall/escape.hpp"

namespace squall {
namespace {

// kUrlSafe marks urllib.parse's always-safe bytes: ASCII letters, digits and `_.-~`.
constexpr std::array<bool, 256> make_url_safe() {
  std::array<bool, 256> safe{};
  for (int c = '0'; c <= '9'; ++c) safe[c] = true;
  for (int c = 'a'; c <= 'z'; ++c) safe[c] = true;
  for (int c = 'A'; c <= 'Z'; ++c) safe[c] = true;
  safe['_'] = safe['.'] = safe['-'] = safe['~'] = true;
  return safe;
}
constexpr std::array<bool, 256> kUrlSafe = make_url_safe();

constexpr char kUpperHex[] = "0123456789ABCDEF";

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// unquote_ascii_run is `unquote_to_bytes(run).decode("utf-8", "replace")` for one run of
// ASCII characters, appended to `out`.
void unquote_ascii_run(std::string& out, std::string_view run, bool plus) {
  std::string bytes;
  bytes.reserve(run.size());
  for (std::size_t i = 0; i < run.size(); ++i) {
    const char c = run[i];
    if (c == '%' && i + 2 < run.size()) {
      const int hi = hex_value(run[i + 1]);
      const int lo = hex_value(run[i + 2]);
      if (hi >= 0 && lo >= 0) {
        bytes += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    bytes += (plus && c == '+') ? ' ' : c;
  }
  detail::append_utf8_replacing(out, bytes);
}

}  // namespace

void append_url_escape(std::string& out, std::string_view text, bool plus) {
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (kUrlSafe[byte] || (!plus && byte == '/')) continue;
    out.append(text, run, i - run);
    if (plus && byte == ' ') {
      out += '+';
    } else {
      const char escaped[3] = {'%', kUpperHex[byte >> 4], kUpperHex[byte & 0xF]};
      out.append(escaped, 3);
    }
    run = i + 1;
  }
  out.append(text, run);
}

std::string url_escape(std::string_view text, bool plus) {
  std::string out;
  out.reserve(text.size());
  append_url_escape(out, text, plus);
  return out;
}

std::string url_unescape(std::string_view text, bool plus) {
  std::string out;
  out.reserve(text.size());
  // urllib's unquote decodes each run of ASCII characters on its own; non-ASCII text
  // between runs is kept as is, so a %-sequence never combines across it.
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = pos;
    const bool ascii = static_cast<unsigned char>(text[pos]) < 0x80;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) < 0x80) == ascii) ++end;
    if (ascii) {
      unquote_ascii_run(out, text.substr(pos, end - pos), plus);
    } else {
      out.append(text, pos, end - pos);
    }
    pos = end;
  }
  return out;
}

}  // namespace squall
