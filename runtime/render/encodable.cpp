// Python's UTF-8 encoder on a str that holds surrogates: the error names the first run of
// them, in code points (the encoder's `start`-`end`).
#include "render/encodable.hpp"

#include <fmt/format.h>

#include "squall/error.hpp"

namespace squall::render {

void raise_if_unencodable(std::string_view text) {
  std::size_t i = text.find('\xED');
  while (i != std::string_view::npos && !detail::surrogate_at(text, i)) {
    i = text.find('\xED', i + 1);
  }
  if (i == std::string_view::npos) return;
  const std::size_t start = detail::code_point_count(text.substr(0, i));
  std::size_t run = 0;
  for (std::size_t j = i; detail::surrogate_at(text, j); j += 3) ++run;
  if (run == 1) {
    throw_error("UnicodeEncodeError",
                fmt::format("'utf-8' codec can't encode character '\\u{:04x}' in position {}: "
                            "surrogates not allowed",
                            static_cast<std::uint32_t>(*detail::surrogate_at(text, i)), start));
  }
  throw_error("UnicodeEncodeError",
              fmt::format("'utf-8' codec can't encode characters in position {}-{}: "
                          "surrogates not allowed",
                          start, start + run - 1));
}

}  // namespace squall::render
