#include "squall/detail/unicode.hpp"
#include "squall/escape.hpp"

namespace squall {

std::string squeeze(std::string_view text) {
  // Tornado: re.sub(r"[\x00-\x20]+", " ", value).strip(). Bytes 0x00..0x20 never occur
  // inside a multi-byte UTF-8 sequence, so the substitution can work on bytes.
  std::string squeezed;
  squeezed.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = pos;
    while (end < text.size() && static_cast<unsigned char>(text[end]) > 0x20) ++end;
    squeezed.append(text, pos, end - pos);
    if (end == text.size()) break;
    squeezed += ' ';
    pos = end;
    while (pos < text.size() && static_cast<unsigned char>(text[pos]) <= 0x20) ++pos;
  }
  return std::string(detail::python_strip(squeezed));
}

}  // namespace squall
