#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "squall/escape.hpp"

namespace squall {
namespace {

// kEntityIndex maps each byte to its replacement's index in kEntityBytes, or 0 for "copy".
// A 256-entry table keeps the scan loop to one load and one compare per byte.
constexpr std::array<unsigned char, 256> make_entity_index() {
  std::array<unsigned char, 256> index{};
  index['&'] = 1;
  index['<'] = 2;
  index['>'] = 3;
  index['"'] = 4;
  index['\''] = 5;
  return index;
}
constexpr std::array<unsigned char, 256> kEntityIndex = make_entity_index();

// -- Word-at-a-time scan: most text has no special byte in a given 8 bytes, so test eight
// at once (the classic "has a zero byte" bit trick applied to text XOR each special byte).
constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighs = 0x8080808080808080ULL;

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

std::uint64_t load8(const char* p) {
  std::uint64_t word;
  std::memcpy(&word, p, 8);
  return word;
}

#if defined(__SSE2__)
// With SSE2 (every x86-64) sixteen bytes are tested at once: one compare per special byte
// and a movemask give a bit per byte, so the first special byte is countr_zero(mask).
int special_bits(__m128i v) {
  const __m128i m = _mm_or_si128(
      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('&')), _mm_cmpeq_epi8(v, _mm_set1_epi8('<'))),
      _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('>')),
                                _mm_cmpeq_epi8(v, _mm_set1_epi8('"'))),
                   _mm_cmpeq_epi8(v, _mm_set1_epi8('\''))));
  return _mm_movemask_epi8(m);
}
#endif

// short_has_special tells whether a text of at most 16 bytes needs any entity, reading
// only inside it: two overlapping loads cover every byte (short names, URLs and numbers with
// nothing to escape are the common case in templates).
bool short_has_special(const char* p, std::size_t n) {
#if defined(__SSE2__)
  if (n >= 8) {
    const auto tail = static_cast<long long>(load8(p + n - 8));
    return special_bits(_mm_set_epi64x(tail, static_cast<long long>(load8(p)))) != 0;
  }
#else
  if (n >= 8) return (special_mask(load8(p)) | special_mask(load8(p + n - 8))) != 0;
#endif
  if (n >= 4) {
    std::uint32_t head, tail;
    std::memcpy(&head, p, 4);
    std::memcpy(&tail, p + n - 4, 4);
    return special_mask(std::uint64_t{head} << 32 | tail) != 0;
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (kEntityIndex[static_cast<unsigned char>(p[i])] != 0) return true;
  }
  return false;
}

// next_special returns the index of the first byte at or after `i` that needs an entity,
// or `size`. A word (or SSE register) at a time, and the last partial one as an overlapping
// load whose already-scanned bytes are ignored; never a byte loop once size >= the width.
std::size_t next_special(const char* data, std::size_t i, std::size_t size) {
#if defined(__SSE2__)
  for (; i + 16 <= size; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
    if (const int m = special_bits(v))
      return i + static_cast<std::size_t>(std::countr_zero(static_cast<unsigned>(m)));
  }
  if (i == size) return size;
  if (size >= 16) {
    const std::size_t start = size - 16;
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + start));
    const unsigned m = static_cast<unsigned>(special_bits(v)) >> (i - start) << (i - start);
    return m ? start + static_cast<std::size_t>(std::countr_zero(m)) : size;
  }
#endif
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
  while (i < size && kEntityIndex[static_cast<unsigned char>(data[i])] == 0) ++i;
  return i;
}

// kEntityBytes are the entities padded to 8 bytes so each is written with one fixed-size
// copy (the length is added separately).
struct Entity {
  char bytes[8];
  unsigned char size;
};
constexpr Entity kEntityBytes[] = {{"", 0},     {"&amp;", 5},  {"&lt;", 4},
                                   {"&gt;", 4}, {"&quot;", 6}, {"&#39;", 5}};
constexpr Entity kHexQuote = {"&#x27;", 6};

}  // namespace

void append_xhtml_escape(std::string& out, std::string_view text, QuoteEntity quote) {
  const char* const data = text.data();
  const std::size_t size = text.size();
  if (size <= 16 && !short_has_special(data, size)) return void(out.append(data, size));
  std::size_t i = next_special(data, 0, size);
  out.append(data, i);
  if (i == size) return;

  // Text with entities is built in a stack buffer and appended in large pieces: appending
  // each short run and entity to `out` separately costs a capacity check and a call per
  // piece, which dominates on text dense in special bytes. Long safe runs go straight out.
  constexpr std::size_t kBuffer = 2048, kLongRun = 256;
  char buf[kBuffer + sizeof(Entity::bytes)];
  std::size_t n = 0;
  const Entity& quote_entity = quote == QuoteEntity::Hex ? kHexQuote : kEntityBytes[5];
  while (i < size) {
    const unsigned char which = kEntityIndex[static_cast<unsigned char>(data[i])];
    const Entity& e = which == 5 ? quote_entity : kEntityBytes[which];
    // n <= kBuffer here, so the 8-byte copy fits.
    std::memcpy(buf + n, e.bytes, sizeof e.bytes);
    n += e.size;
    const std::size_t next = next_special(data, ++i, size);
    const std::size_t run = next - i;
    if (run >= kLongRun || n + run > kBuffer) {
      out.append(buf, n);
      n = 0;
      if (run >= kLongRun) {
        out.append(data + i, run);
        i = next;
        continue;
      }
    }
    std::memcpy(buf + n, data + i, run);
    n += run;
    i = next;
  }
  out.append(buf, n);
}

std::string xhtml_escape(std::string_view text, QuoteEntity quote) {
  std::string out;
  out.reserve(text.size());
  append_xhtml_escape(out, text, quote);
  return out;
}

}  // namespace squall
