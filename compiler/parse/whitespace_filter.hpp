// Tornado's `filter_whitespace`, applied to each literal text chunk at parse time.
#pragma once

#include <string>
#include <string_view>

#include "ast/ast.hpp"

namespace squall::front {

/// filter_whitespace is Tornado's `filter_whitespace(mode, text)`: `all` keeps the text;
/// `single` turns runs of spaces/tabs into one space and runs of whitespace containing a
/// newline into one `\n`; `oneline` turns every whitespace run into one space. Whitespace is
/// Python's Unicode `\s`. Text must be valid UTF-8.
std::string filter_whitespace(WhitespaceMode mode, std::string_view text);

/// filter_text_chunk is what Tornado does to a text chunk when generating code: a chunk
/// containing the exact substring `<pre>` is kept as is, any other is filtered.
std::string filter_text_chunk(WhitespaceMode mode, std::string_view text);

}  // namespace squall::front
