#include <fmt/format.h>

#include "escape/python_int.hpp"
#include "escape/python_tables.hpp"
#include "squall/detail/unicode.hpp"
#include "squall/error.hpp"
#include "squall/escape.hpp"

namespace squall {
namespace {

using detail::decode_utf8;

// word_run_end returns where the run of Python `\w` characters starting at `pos` ends.
std::size_t word_run_end(std::string_view text, std::size_t pos) {
  while (pos < text.size()) {
    const auto c = decode_utf8(text, pos);
    if (!c || !detail::is_python_word(c->code_point)) break;
    pos += c->length;
  }
  return pos;
}

// Entity is one match of Tornado's `&(#?)(\w+?);`: `name` is group 2 and `end` is just past
// the `;`.
struct Entity {
  bool numeric;
  std::string_view name;
  std::size_t end;
};

std::optional<Entity> match_entity(std::string_view text, std::size_t amp) {
  std::size_t start = amp + 1;
  const bool numeric = start < text.size() && text[start] == '#';
  if (numeric) ++start;  // `#?` backtracking to empty cannot help: `#` is not `\w`
  const std::size_t end = word_run_end(text, start);
  if (end == start || end >= text.size() || text[end] != ';') return std::nullopt;
  return Entity{numeric, text.substr(start, end - start), end + 1};
}

// append_numeric_entity is Tornado's `chr(int(...))` branch of `_convert_entity`.
void append_numeric_entity(std::string& out, std::string_view digits) {
  const bool hex = digits[0] == 'x' || digits[0] == 'X';
  const auto value = detail::parse_python_int(hex ? digits.substr(1) : digits, hex ? 16 : 10);
  if (value && *value > 0x7FFFFFFF) {
    throw_error("OverflowError", "Python int too large to convert to C int");
  }
  if (!value || *value > 0x10FFFF) {  // int() or chr() raised ValueError
    fmt::format_to(std::back_inserter(out), "&#{};", digits);
    return;
  }
  const auto cp = static_cast<char32_t>(*value);
  if (cp >= 0xD800 && cp <= 0xDFFF) {
    // Python holds the surrogate in a str, but the template can never encode it.
    throw_error("UnicodeEncodeError",
                fmt::format("'utf-8' codec can't encode character '\\u{:x}' in position {}: "
                            "surrogates not allowed",
                            static_cast<std::uint32_t>(cp), detail::code_point_count(out)));
  }
  detail::append_utf8(out, cp);
}

void append_entity(std::string& out, const Entity& entity) {
  if (entity.numeric) {
    append_numeric_entity(out, entity.name);
  } else if (const auto cp = detail::find_named_entity(entity.name)) {
    detail::append_utf8(out, *cp);
  } else {
    fmt::format_to(std::back_inserter(out), "&{};", entity.name);
  }
}

}  // namespace

std::string xhtml_unescape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t copied = 0;
  std::size_t amp = text.find('&');
  while (amp != std::string_view::npos) {
    const auto entity = match_entity(text, amp);
    if (!entity) {
      amp = text.find('&', amp + 1);
      continue;
    }
    out.append(text, copied, amp - copied);
    append_entity(out, *entity);
    copied = entity->end;
    amp = text.find('&', copied);
  }
  out.append(text, copied);
  return out;
}

}  // namespace squall
