#include <algorithm>
#include <cstring>

#include <fmt/format.h>

#include "escape/python_tables.hpp"

namespace squall::detail {
namespace {

bool in_ranges(const CodePointRange* ranges, std::size_t size, char32_t cp) {
  const CodePointRange* end = ranges + size;
  // The first range whose last code point is >= cp is the only one that can hold it.
  const auto* it = std::lower_bound(ranges, end, cp,
                                    [](const CodePointRange& r, char32_t c) { return r.last < c; });
  return it != end && it->first <= cp;
}

}  // namespace

std::optional<char32_t> find_named_entity(std::string_view name) {
  const NamedEntity* end = kNamedEntities + kNamedEntitiesSize;
  const auto* it = std::lower_bound(
      kNamedEntities, end, name,
      [](const NamedEntity& e, std::string_view n) { return std::string_view(e.name) < n; });
  if (it == end || std::string_view(it->name) != name) return std::nullopt;
  return it->code_point;
}

bool is_python_word(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
           cp == '_';
  }
  return in_ranges(kPythonWordRanges, kPythonWordRangesSize, cp);
}

int decimal_digit_value(char32_t cp) {
  if (cp >= '0' && cp <= '9') return static_cast<int>(cp - '0');
  if (cp < 0x80) return -1;
  const char32_t* end = kDecimalDigitZeros + kDecimalDigitZerosSize;
  // The last zero at or below cp starts the only run of ten that can hold it.
  const char32_t* it = std::upper_bound(kDecimalDigitZeros, end, cp);
  if (it == kDecimalDigitZeros) return -1;
  const char32_t offset = cp - *(it - 1);
  return offset < 10 ? static_cast<int>(offset) : -1;
}

std::string re2_class_body(const CodePointRange* ranges, std::size_t size) {
  std::string body;
  for (std::size_t i = 0; i < size; ++i) {
    const auto& r = ranges[i];
    if (r.first == r.last) {
      fmt::format_to(std::back_inserter(body), "\\x{{{:X}}}", static_cast<std::uint32_t>(r.first));
    } else {
      fmt::format_to(std::back_inserter(body), "\\x{{{:X}}}-\\x{{{:X}}}",
                     static_cast<std::uint32_t>(r.first), static_cast<std::uint32_t>(r.last));
    }
  }
  return body;
}

}  // namespace squall::detail
