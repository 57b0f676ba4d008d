// Internal to the render runtime: Python's strict UTF-8 encoding of a str written out.
#pragma once

#include <string_view>

#include "squall/detail/unicode.hpp"

namespace squall::render {

/// raise_if_unencodable raises UnicodeEncodeError with CPython's message where `text` holds
/// a surrogate (encoded by detail::append_utf8); otherwise it returns.
void raise_if_unencodable(std::string_view text);

/// check_encodable is what Tornado's `utf8()` does to each str a template writes (the value
/// of `{{ }}` before escaping, `{% raw %}`, an escape or apply function's result): encoding
/// fails on a lone surrogate. Scans only once some str may hold one.
inline void check_encodable(std::string_view text) {
  if (detail::lone_surrogates_made()) [[unlikely]]
    raise_if_unencodable(text);
}

}  // namespace squall::render
