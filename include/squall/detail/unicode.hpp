// UTF-8 and Python-whitespace primitives shared by the compiler front end and the runtime.
// Internal: generated code does not call these directly.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace squall::detail {

/// Utf8Char is one decoded code point and the number of bytes it took.
struct Utf8Char {
  char32_t code_point;
  std::size_t length;
};

/// decode_utf8 decodes the code point starting at `text[pos]`. Returns nullopt when the bytes
/// there are not well-formed UTF-8 (overlong forms, surrogates and values above U+10FFFF are
/// rejected, as Python's strict decoder does). `pos` must be less than `text.size()`.
std::optional<Utf8Char> decode_utf8(std::string_view text, std::size_t pos);

/// first_invalid_utf8 returns the byte offset of the first byte that does not start a
/// well-formed UTF-8 sequence, or nullopt when the whole text is valid.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

/// append_utf8 appends the UTF-8 encoding of `cp` (at most U+10FFFF) to `out`. A surrogate
/// (U+D800..U+DFFF, from `chr(0xD800)` and the like: Python holds one in a str) is written
/// as its three bytes and sets lone_surrogates_made().
void append_utf8(std::string& out, char32_t cp);

/// surrogate_at returns the surrogate whose three bytes, as append_utf8 writes them, start
/// at `text[pos]`, or nullopt (decode_utf8 rejects them).
std::optional<char32_t> surrogate_at(std::string_view text, std::size_t pos);

/// lone_surrogates_flag is set for good by the first surrogate append_utf8 writes.
extern std::atomic<bool> lone_surrogates_flag;
/// lone_surrogates_made tells whether any str may hold a surrogate (written by
/// append_utf8): output checks strs for them only then, so ordinary output pays one load.
inline bool lone_surrogates_made() noexcept {
  return lone_surrogates_flag.load(std::memory_order_relaxed);
}

/// is_python_space is Python's `str.isspace()` for one code point; the same set is what `\s`
/// matches in Python's `re` and what `str.strip()` removes.
bool is_python_space(char32_t cp);

/// python_space_length returns the byte length of the Python whitespace character at
/// `text[pos]`, or 0 when the character there is not whitespace (or not valid UTF-8).
std::size_t python_space_length(std::string_view text, std::size_t pos);

/// python_space_before returns the byte length of the Python whitespace character that ends
/// just before `text[end]`, or 0 when there is none.
std::size_t python_space_before(std::string_view text, std::size_t end);

/// python_strip is Python's `str.strip()` with no argument on UTF-8 text: it removes leading
/// and trailing Unicode whitespace and returns a view into `text`.
std::string_view python_strip(std::string_view text);

/// code_point_count returns the number of code points in valid UTF-8 `text` (Python's `len`).
std::size_t code_point_count(std::string_view text);

}  // namespace squall::detail
