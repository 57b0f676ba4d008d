#include <array>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "escape/special_scan.hpp"
#include "render/encodable.hpp"
#include "squall/detail/render.hpp"
#include "squall/escape.hpp"

namespace squall {
namespace {

using escape_scan::short_has_special;

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

// kEntityBytes are the entities padded to 8 bytes so each is written with one fixed-size
// copy (the length is added separately).
struct Entity {
  char bytes[8];
  unsigned char size;
};
constexpr Entity kEntityBytes[] = {{"", 0},     {"&amp;", 5},  {"&lt;", 4},
                                   {"&gt;", 4}, {"&quot;", 6}, {"&#39;", 5}};
constexpr Entity kHexQuote = {"&#x27;", 6};

// escape_long is escape_into past its first check. Out of line: the registers the loop
// needs would otherwise be saved and restored on every call, short texts included.
template <class Sink>
[[gnu::noinline]] void escape_long(Sink& out, std::string_view text, QuoteEntity quote);

// escape_into is append_xhtml_escape for any sink with append(const char*, size_t). Most
// texts in a page are short and clean: those are one check and one copy.
template <class Sink>
void escape_into(Sink& out, std::string_view text, QuoteEntity quote) {
  if (text.size() <= 16 && !short_has_special(text.data(), text.size())) {
    if constexpr (std::is_same_v<Sink, render::OutBuffer>) {
      return out.append_short(text.data(), text.size());
    } else {
      return void(out.append(text.data(), text.size()));
    }
  }
  escape_long(out, text, quote);
}

template <class Sink>
void escape_long(Sink& out, std::string_view text, QuoteEntity quote) {
  const char* const data = text.data();
  const std::size_t size = text.size();
  escape_scan::SpecialCursor specials(data, size);
  std::size_t i = specials.next(0);
  out.append(data, i);
  if (i == size) return;

  // Text with entities is built in a staging area and appended in large pieces: appending
  // each short run and entity to `out` separately costs a capacity check and a call per
  // piece, which dominates on text dense in special bytes. Long safe runs go straight out.
  // A std::string is staged on the stack; an OutBuffer in its own free space (no copy).
  // kStage leaves room past kBuffer for the fixed-size copies below.
  constexpr std::size_t kBuffer = 2048, kLongRun = 256, kShortRun = 16;
  constexpr std::size_t kStage = kBuffer + kShortRun + sizeof(Entity::bytes);
  constexpr bool kBuffered = std::is_same_v<Sink, render::OutBuffer>;
  [[maybe_unused]] char local[kStage];
  const auto stage = [&]() -> char* {
    if constexpr (kBuffered) {
      return out.reserve(kStage);
    } else {
      return local;
    }
  };
  const auto emit = [&](const char* staged, std::size_t k) {
    if constexpr (kBuffered) {
      out.commit(k);
    } else {
      out.append(staged, k);
    }
  };
  char* buf = stage();
  std::size_t n = 0;
  const Entity& quote_entity = quote == QuoteEntity::Hex ? kHexQuote : kEntityBytes[5];
  while (i < size) {
    const unsigned char which = kEntityIndex[static_cast<unsigned char>(data[i])];
    const Entity& e = which == 5 ? quote_entity : kEntityBytes[which];
    // n <= kBuffer here, so the 8-byte copy fits.
    std::memcpy(buf + n, e.bytes, sizeof e.bytes);
    n += e.size;
    const std::size_t next = specials.next(++i);
    const std::size_t run = next - i;
    if (run >= kLongRun || n + run > kBuffer) {
      emit(buf, n);
      n = 0;
      if (run >= kLongRun) out.append(data + i, run);
      buf = stage();
      if (run >= kLongRun) {
        i = next;
        continue;
      }
    }
    // Runs between entities are short in dense text: one fixed 16-byte copy (the bytes past
    // the run are overwritten next) instead of a variable-length memcpy call.
    if (run <= kShortRun && i + kShortRun <= size) {
      std::memcpy(buf + n, data + i, kShortRun);
    } else {
      std::memcpy(buf + n, data + i, run);
    }
    n += run;
    i = next;
  }
  emit(buf, n);
}

}  // namespace

void append_xhtml_escape(std::string& out, std::string_view text, QuoteEntity quote) {
  escape_into(out, text, quote);
}

void render::append_xhtml_escape(render::OutBuffer& out, std::string_view text, QuoteEntity quote) {
  // The `{{ }}` path: Tornado encodes the str before escaping it.
  render::check_encodable(text);
  escape_into(out, text, quote);
}

std::string xhtml_escape(std::string_view text, QuoteEntity quote) {
  std::string out;
  out.reserve(text.size());
  append_xhtml_escape(out, text, quote);
  return out;
}

}  // namespace squall
