// CPython's UTF-8 decoding with errors="replace", which url_unescape (urllib's unquote) and
// the JSON writer use for bytes that are not UTF-8.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace squall::detail {

/// kReplacementCharacter is U+FFFD in UTF-8.
inline constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

/// invalid_utf8_length returns how many bytes at `text[pos]` CPython replaces with one
/// U+FFFD: the lead byte plus the continuation bytes that were still acceptable when the
/// sequence broke off (Unicode's "maximal subpart"). Call it only where decode_utf8 fails.
std::size_t invalid_utf8_length(std::string_view text, std::size_t pos);

/// append_utf8_replacing appends `bytes` to `out`, with each invalid subpart replaced by
/// U+FFFD, as `bytes.decode("utf-8", "replace")` does.
void append_utf8_replacing(std::string& out, std::string_view bytes);

}  // namespace squall::detail
