#include <array>
#include <cstdint>
#include <cstring>

#include "squall/escape.hpp"

namespace squall {
namespace {

// kEntityIndex maps each byte to its replacement's index in kEntities, or 0 for "copy".
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

constexpr std::string_view kEntities[] = {"", "&amp;", "&lt;", "&gt;", "&quot;", "&#39;"};

// -- Word-at-a-time scan: most text has no special byte in a given 8 bytes, so test eight
// at once (the classic "has a zero byte" bit trick applied to text XOR each special byte).
constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighs = 0x8080808080808080ULL;

constexpr std::uint64_t has_zero_byte(std::uint64_t v) {
  return (v - kOnes) & ~v & kHighs;
}

constexpr bool has_special_byte(std::uint64_t v) {
  return (has_zero_byte(v ^ (kOnes * '&')) | has_zero_byte(v ^ (kOnes * '<')) |
          has_zero_byte(v ^ (kOnes * '>')) | has_zero_byte(v ^ (kOnes * '"')) |
          has_zero_byte(v ^ (kOnes * '\''))) != 0;
}

// next_special returns the index of the first byte at or after `i` that needs an entity,
// or `size`.
std::size_t next_special(const char* data, std::size_t i, std::size_t size) {
  while (i + 8 <= size) {
    std::uint64_t word;
    std::memcpy(&word, data + i, 8);
    if (has_special_byte(word)) break;
    i += 8;
  }
  while (i < size && kEntityIndex[static_cast<unsigned char>(data[i])] == 0) ++i;
  return i;
}

}  // namespace

void append_xhtml_escape(std::string& out, std::string_view text, QuoteEntity quote) {
  const char* const data = text.data();
  const std::size_t size = text.size();
  const std::string_view quote_entity = quote == QuoteEntity::Hex ? "&#x27;" : kEntities[5];
  std::size_t run = 0;
  for (std::size_t i = next_special(data, 0, size); i < size; i = next_special(data, i, size)) {
    out.append(data + run, i - run);
    const unsigned char which = kEntityIndex[static_cast<unsigned char>(data[i])];
    out += which == 5 ? quote_entity : kEntities[which];
    run = ++i;
  }
  out.append(data + run, size - run);
}

std::string xhtml_escape(std::string_view text, QuoteEntity quote) {
  std::string out;
  out.reserve(text.size());
  append_xhtml_escape(out, text, quote);
  return out;
}

}  // namespace squall
