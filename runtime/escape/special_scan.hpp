// Finding the bytes xhtml_escape replaces (& < > " '), many at a time: a portable
// word-at-a-time version and, where the target has it, an SSE2 one. Both are always
// declared where they can be compiled so tests can hold each to a byte-by-byte reference.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace squall::escape_scan {

/// is_special is the byte-at-a-time reference.
constexpr bool is_special(char c) {
  return c == '&' || c == '<' || c == '>' || c == '"' || c == '\'';
}

// -- Word-at-a-time scan: most text has no special byte in a given 8 bytes, so test eight
// at once (the classic "has a zero byte" bit trick applied to text XOR each special byte).
inline constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
inline constexpr std::uint64_t kHighs = 0x8080808080808080ULL;

constexpr std::uint64_t has_zero_byte(std::uint64_t v) {
  return (v - kOnes) & ~v & kHighs;
}

// special_mask has the high bit set in each byte of `v` that may be special; the lowest set
// bit is exact (borrows only create false positives above a true match), so on a
// little-endian machine countr_zero(mask) / 8 is the position of the first special byte.
constexpr std::uint64_t special_mask(std::uint64_t v) {
  return has_zero_byte(v ^ (kOnes * '&')) | has_zero_byte(v ^ (kOnes * '<')) |
         has_zero_byte(v ^ (kOnes * '>')) | has_zero_byte(v ^ (kOnes * '"')) |
         has_zero_byte(v ^ (kOnes * '\''));
}

inline std::uint64_t load8(const char* p) {
  std::uint64_t word;
  std::memcpy(&word, p, 8);
  return word;
}

#if defined(__SSE2__)
// With SSE2 (every x86-64) sixteen bytes are tested at once: one compare per special byte
// and a movemask give a bit per byte, so the first special byte is countr_zero(mask).
inline int special_bits(__m128i v) {
  const __m128i m = _mm_or_si128(
      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('&')), _mm_cmpeq_epi8(v, _mm_set1_epi8('<'))),
      _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('>')),
                                _mm_cmpeq_epi8(v, _mm_set1_epi8('"'))),
                   _mm_cmpeq_epi8(v, _mm_set1_epi8('\''))));
  return _mm_movemask_epi8(m);
}
#endif

// short_has_special_words tells whether a text of at most 16 bytes needs any entity,
// reading only inside it: two overlapping loads cover every byte (short names, URLs and
// numbers with nothing to escape are the common case in templates).
inline bool short_has_special_words(const char* p, std::size_t n) {
  if (n >= 8) return (special_mask(load8(p)) | special_mask(load8(p + n - 8))) != 0;
  if (n >= 4) {
    std::uint32_t head, tail;
    std::memcpy(&head, p, 4);
    std::memcpy(&tail, p + n - 4, 4);
    return special_mask(std::uint64_t{head} << 32 | tail) != 0;
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (is_special(p[i])) return true;
  }
  return false;
}

// next_special_words returns the index of the first byte at or after `i` that needs an
// entity, or `size`: eight bytes at a time, and the last partial word as an overlapping
// load whose already-scanned bytes are replaced by a safe one (so a special byte just before
// `i` cannot cause a false match through a borrow); never a byte loop once size >= 8.
inline std::size_t next_special_words(const char* data, std::size_t i, std::size_t size) {
  if constexpr (std::endian::native == std::endian::little) {
    for (; i + 8 <= size; i += 8) {
      if (const std::uint64_t m = special_mask(load8(data + i))) {
        return i + static_cast<std::size_t>(std::countr_zero(m)) / 8;
      }
    }
    if (i == size) return size;
    if (size >= 8) {
      const std::size_t start = size - 8;
      const std::uint64_t keep = ~std::uint64_t{0} << ((i - start) * 8);
      const std::uint64_t word = (load8(data + start) & keep) | (kOnes * 'a' & ~keep);
      const std::uint64_t m = special_mask(word);
      return m ? start + static_cast<std::size_t>(std::countr_zero(m)) / 8 : size;
    }
  }
  while (i < size && !is_special(data[i])) ++i;
  return i;
}

#if defined(__SSE2__)
// The SSE2 versions. A short text is two overlapping 8-byte halves of one 16-byte compare.
inline bool short_has_special_sse2(const char* p, std::size_t n) {
  if (n < 8) return short_has_special_words(p, n);
  const auto tail = static_cast<long long>(load8(p + n - 8));
  return special_bits(_mm_set_epi64x(tail, static_cast<long long>(load8(p)))) != 0;
}

/// SpecialCursor finds the special bytes of one text at increasing positions, sixteen bytes
/// per step, keeping the mask of the window it last loaded: in text dense in special bytes
/// most answers come from that mask, without loading and comparing again. The tail is an
/// overlapping window ending at the text's end, its already-scanned bytes masked off;
/// texts under 16 bytes use the word version.
class SpecialCursor {
 public:
  SpecialCursor(const char* data, std::size_t size) : data_(data), size_(size) {}
  /// next is the position of the first special byte at or after `i`, or the size; `i`
  /// must not decrease between calls.
  std::size_t next(std::size_t i) {
    if (i - base_ < 16) {  // inside the cached window (never true before the first load)
      if (const std::size_t found = in_window(i); found != size_) return found;
      i = base_ + 16;
    }
    for (; i + 16 <= size_; i += 16) {
      if (load(i)) return base_ + static_cast<std::size_t>(std::countr_zero(mask_));
    }
    if (i >= size_) return size_;
    if (size_ < 16) return next_special_words(data_, i, size_);
    load(size_ - 16);
    return in_window(i);
  }

 private:
  // load caches the window at `at`; returns its mask.
  unsigned load(std::size_t at) {
    base_ = at;
    mask_ = static_cast<unsigned>(
        special_bits(_mm_loadu_si128(reinterpret_cast<const __m128i*>(data_ + at))));
    return mask_;
  }
  // in_window is the first special of the cached window at or after `i` (inside it), or
  // the size.
  std::size_t in_window(std::size_t i) const {
    const unsigned m = mask_ >> (i - base_) << (i - base_);
    return m ? base_ + static_cast<std::size_t>(std::countr_zero(m)) : size_;
  }

  const char* data_;
  std::size_t size_;
  std::size_t base_ = ~std::size_t{0} - 16;  // `i - base_ < 16` fails for every i
  unsigned mask_ = 0;
};

inline std::size_t next_special_sse2(const char* data, std::size_t i, std::size_t size) {
  return SpecialCursor(data, size).next(i);
}

inline bool short_has_special(const char* p, std::size_t n) {
  return short_has_special_sse2(p, n);
}
inline std::size_t next_special(const char* data, std::size_t i, std::size_t size) {
  return next_special_sse2(data, i, size);
}

#else
inline bool short_has_special(const char* p, std::size_t n) {
  return short_has_special_words(p, n);
}
inline std::size_t next_special(const char* data, std::size_t i, std::size_t size) {
  return next_special_words(data, i, size);
}

/// SpecialCursor: the SSE2 version's interface over next_special.
class SpecialCursor {
 public:
  SpecialCursor(const char* data, std::size_t size) : data_(data), size_(size) {}
  std::size_t next(std::size_t i) const { return next_special(data_, i, size_); }

 private:
  const char* data_;
  std::size_t size_;
};
#endif

}  // namespace squall::escape_scan
