#include <array>

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

}  // namespace

void append_xhtml_escape(std::string& out, std::string_view text, QuoteEntity quote) {
  const char* const data = text.data();
  const std::size_t size = text.size();
  std::size_t run = 0;
  for (std::size_t i = 0; i < size; ++i) {
    const unsigned char which = kEntityIndex[static_cast<unsigned char>(data[i])];
    if (which == 0) continue;
    out.append(data + run, i - run);
    out +=
        (which == 5 && quote == QuoteEntity::Hex) ? std::string_view("&#x27;") : kEntities[which];
    run = i + 1;
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
