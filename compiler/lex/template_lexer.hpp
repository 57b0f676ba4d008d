// The template scanner: splits one file into text, `{{ }}`, `{% %}` and `{# #}` tokens with
// Tornado's exact rules (first closing delimiter wins, innermost `{{{`, bang escapes,
// Unicode `str.strip()` trimming, operator split on the first ASCII space only).
#pragma once

#include <string_view>
#include <vector>

#include "source/source_loc.hpp"

namespace squall::front {

enum class TokenKind {
  Text,        // literal text; for a bang escape (`{{!`) only the two-character opener
  Expression,  // `{{ expr }}`
  Block,       // `{% operator suffix %}`
  Comment,     // `{# ... #}` (kept so positions are complete; the parser drops it)
  Eof,
  Error,  // a lexing error; always the last token
};

enum class LexError {
  None,
  MissingEndExpression,  // `{{` without `}}`
  MissingEndBlock,       // `{%` without `%}`
  MissingEndComment,     // `{#` without `#}`
  EmptyExpression,       // `{{ }}`
  EmptyBlock,            // `{% %}`
};

/// Token is one scanned piece. `range` covers the whole token (`{{ x }}` including the
/// delimiters; for a bang escape the three characters `{{!`). `content` is the trimmed text
/// between the delimiters (for Text: the literal text, which for a bang escape is just the
/// opener); for blocks `op` and `suffix` split it: `op` ends at the first
/// U+0020 and `suffix` is the rest, trimmed again. For an Error token `range` runs from
/// the opener to where the error was found (the end of the input for unclosed tags).
struct Token {
  TokenKind kind = TokenKind::Eof;
  SourceRange range;
  SourceRange content;
  SourceRange op;
  SourceRange suffix;
  LexError error = LexError::None;
};

/// lex_template scans all of `text` (which must be valid UTF-8). The result always ends with
/// exactly one Eof or Error token; tokens after the first error are not produced, since
/// Tornado stops there too. Offsets fit in 32 bits (callers reject larger files).
std::vector<Token> lex_template(std::string_view text);

/// lex_error_message is Tornado's ParseError message for `e` ("Missing end expression }}").
std::string_view lex_error_message(LexError e);

}  // namespace squall::front
