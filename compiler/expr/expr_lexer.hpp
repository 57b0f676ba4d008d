// Tokenizer for the Python subset inside template tags.
//
// It follows CPython's tokenizer where templates can reach it: implicit line joining inside
// brackets, backslash continuation, comments, string prefixes and escapes, numeric literal
// forms. In statement mode (multi-line `{% set %}` bodies) it also produces Newline /
// Indent / Dedent tokens, measuring continuation lines against the column Tornado's
// generated code puts the first line at (see parse_set_body).
#pragma once

#include <vector>

#include "expr/expr_parser.hpp"
#include "expr/expr_token.hpp"

namespace squall::front {

struct ExprLexOptions {
  bool statements = false;  // emit Newline/Indent/Dedent tokens (set bodies)
  int base_indent = 4;      // column of the first line in Tornado's generated code
  bool allow_comments = true;
};

/// lex_python tokenizes `in.range` into `out` (ending with an End token). Returns false
/// after reporting the first lexical error to `in.diags`.
bool lex_python(const ExprParseInput& in, const ExprLexOptions& opts, std::vector<ExprToken>& out);

}  // namespace squall::front
