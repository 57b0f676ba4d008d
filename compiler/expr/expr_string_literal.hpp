// Python string literal scanning and escape decoding, shared by the expression lexer.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace squall::front {

/// StringPrefix is the meaning of a literal's prefix letters (`r`, `b`, `u`, `f`, combined).
struct StringPrefix {
  bool raw = false;
  bool bytes = false;
  bool format = false;
};

/// parse_string_prefix returns whether `letters` is a valid Python string prefix
/// (case-insensitive: "", r, u, b, br, rb, f, fr, rf) and fills `out`.
bool parse_string_prefix(std::string_view letters, StringPrefix& out);

/// StringScan is the outcome of scanning one literal starting at its opening quote.
struct StringScan {
  std::uint32_t end = 0;  // one past the closing quote (or where scanning stopped)
  std::string value;      // decoded UTF-8
  std::string error;      // empty on success
  std::uint32_t error_begin = 0, error_end = 0;
};

/// scan_string_literal reads the literal whose opening quote is `text[quote]`, stopping at
/// `limit`. Escapes are decoded unless `prefix.raw`.
StringScan scan_string_literal(std::string_view text, std::uint32_t quote, std::uint32_t limit,
                               const StringPrefix& prefix);

}  // namespace squall::front
