// Internal to the parser: one parse function per directive keyword (the table is in
// parse_directives.cpp). Each has the DirectiveFn contract (parser_state.hpp).
#pragma once

#include "parse/parser_state.hpp"

namespace squall::front {

// Single tags (parse_directives.cpp).
bool parse_autoescape(Parser& p, const Token& tag, NodeList& out, const OpenBlock* block);
bool parse_break(Parser& p, const Token& tag, NodeList& out, const OpenBlock* block);
bool parse_comment(Parser& p, const Token& tag, NodeList& out, const OpenBlock* block);
bool parse_continue(Parser& p, const Token& tag, NodeList& out, const OpenBlock* block);
bool parse_extends(Parser& p, const Token& tag, NodeList& out, const OpenBlock* block);
bool parse_from(Parser& p, const Token& tag, NodeList& out, const OpenBlock* block);
bool parse_import(Parser& p, const Token& tag, NodeList& out, const OpenBlock* block);
bool parse_include(Parser& p, const Token& tag, NodeList& out, const OpenBlock* block);
bool parse_module(Parser& p, const Token& tag, NodeList& out, const OpenBlock* block);
bool parse_raw(Parser& p, const Token& tag, NodeList& out, const OpenBlock* block);
bool parse_set(Parser& p, const Token& tag, NodeList& out, const OpenBlock* block);
bool parse_whitespace(Parser& p, const Token& tag, NodeList& out, const OpenBlock* block);

// Blocks with a body up to `{% end %}` (parse_blocks.cpp).
bool parse_apply(Parser& p, const Token& tag, NodeList& out, const OpenBlock* block);
bool parse_block(Parser& p, const Token& tag, NodeList& out, const OpenBlock* block);
bool parse_for(Parser& p, const Token& tag, NodeList& out, const OpenBlock* block);
bool parse_if(Parser& p, const Token& tag, NodeList& out, const OpenBlock* block);
bool parse_try(Parser& p, const Token& tag, NodeList& out, const OpenBlock* block);
bool parse_while(Parser& p, const Token& tag, NodeList& out, const OpenBlock* block);

/// strip_path_quotes is Tornado's `suffix.strip('"').strip("'")` for extends/include.
std::string_view strip_path_quotes(std::string_view suffix);

/// reject_suffix reports text after a keyword that takes none (`{% else x %}`), which
/// Python rejects in the generated code; true when there is none.
bool reject_suffix(Parser& p, const Token& tag);

/// require_suffix reports a keyword whose Python statement needs text after it
/// (`{% if %}`, `{% raw %}`); true when there is some.
bool require_suffix(Parser& p, const Token& tag, std::string_view what);

}  // namespace squall::front
