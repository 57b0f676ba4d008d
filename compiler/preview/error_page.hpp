// What the preview shows instead of a page that does not compile or fails to render: the
// error with file:line, the source lines around it with a caret, and the include/extends
// chain, as HTML (browser) or plain text (`--once`).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "diag/diagnostics.hpp"
#include "squall/error.hpp"

namespace squall::preview {

/// diagnostics_html describes compile diagnostics (each with its notes, which carry the
/// include/extends chain).
std::string diagnostics_html(const std::vector<front::Diagnostic>& diagnostics);

/// render_error_html describes a render error: `e.format()`, the source of the failing
/// template (read from `root`) around `e.line` with a caret, and the chain it came through.
std::string render_error_html(const Error& e, const std::filesystem::path& root);

/// excerpt_html is lines `line-2 .. line+2` of `text` with line numbers, `line` marked and
/// a caret under it at `column` (1-based; 0 underlines the whole line).
std::string excerpt_html(std::string_view text, int line, int column);

/// error_page wraps `body_html` (from the functions above, or an escaped message) in a page
/// titled `title`.
std::string error_page(const std::string& title, const std::string& body_html);

}  // namespace squall::preview
