#include "squall/detail/unicode.hpp"

namespace squall::detail {

std::atomic<bool> lone_surrogates_flag{false};

std::optional<Utf8Char> decode_utf8(std::string_view text, std::size_t pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) return Utf8Char{lead, 1};
  std::size_t length;
  char32_t cp;
  char32_t min;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, cp = lead & 0x1F, min = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, cp = lead & 0x0F, min = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, cp = lead & 0x07, min = 0x10000;
  } else {
    return std::nullopt;
  }
  if (pos + length > text.size()) return std::nullopt;
  for (std::size_t i = 1; i < length; ++i) {
    const unsigned char c = byte(pos + i);
    if ((c & 0xC0) != 0x80) return std::nullopt;
    cp = (cp << 6) | (c & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
  return Utf8Char{cp, length};
}

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const auto c = decode_utf8(text, pos);
    if (!c) return pos;
    pos += c->length;
  }
  return std::nullopt;
}

std::optional<char32_t> surrogate_at(std::string_view text, std::size_t pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  if (pos + 2 >= text.size() || byte(pos) != 0xED || (byte(pos + 1) & 0xE0) != 0xA0 ||
      (byte(pos + 2) & 0xC0) != 0x80) {
    return std::nullopt;
  }
  return static_cast<char32_t>(0xD000 | (byte(pos + 1) & 0x3F) << 6 | (byte(pos + 2) & 0x3F));
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    if ((cp & 0xF800) == 0xD800) lone_surrogates_flag.store(true, std::memory_order_relaxed);
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool is_python_space(char32_t cp) {
  if (cp < 0x80) return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20);
  switch (cp) {
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200A;
  }
}

std::size_t python_space_length(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return 0;
  const auto c = decode_utf8(text, pos);
  return c && is_python_space(c->code_point) ? c->length : 0;
}

std::size_t python_space_before(std::string_view text, std::size_t end) {
  // Whitespace characters are at most 3 bytes long in UTF-8.
  for (std::size_t length = 1; length <= 3 && length <= end; ++length) {
    const std::size_t start = end - length;
    if ((static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) continue;
    return python_space_length(text, start) == length ? length : 0;
  }
  return 0;
}

std::string_view python_strip(std::string_view text) {
  std::size_t begin = 0;
  while (std::size_t n = python_space_length(text, begin)) begin += n;
  std::size_t end = text.size();
  while (end > begin) {
    const std::size_t n = python_space_before(text, end);
    if (n == 0) break;
    end -= n;
  }
  return text.substr(begin, end - begin);
}

std::size_t code_point_count(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

}  // namespace squall::detail
