// The template parser: one file's tokens to a Template (ast/ast.hpp), with Tornado's
// ParseError messages and lines, and the errors Tornado leaves to Python's compiler
// (`if ... else ... elif`, `try` without a handler, bad expressions) as diagnostics too.
#pragma once

#include <memory>
#include <optional>
#include <string_view>

#include "ast/ast.hpp"
#include "diag/diagnostics.hpp"

namespace squall::front {

/// kMaxBlockDepth bounds how deeply `{% %}` blocks may nest; deeper is a diagnostic.
inline constexpr int kMaxBlockDepth = 256;

/// ParseOptions are the loader-level settings that change how one file parses.
struct ParseOptions {
  /// whitespace replaces the default mode Tornado derives from the file name (`.html` and
  /// `.js` give `single`, anything else `all`); `{% whitespace %}` still overrides it.
  std::optional<WhitespaceMode> whitespace;
  /// autoescape, when set, is what Template::autoescape gets for a file without an
  /// `{% autoescape %}` directive ("" = no escaping).
  std::optional<std::string> autoescape;
};

/// parse_template parses `file`. On success returns the Template (with no error reported
/// to `diags`; warnings may be). On failure reports at least one error and returns nullopt.
/// Structural errors (Tornado's ParseError) stop at the first; when there is none, every
/// expression error of the file is reported.
std::optional<Template> parse_template(std::shared_ptr<const SourceFile> file,
                                       const ParseOptions& options, DiagnosticEngine& diags);

/// default_whitespace_mode is Tornado's default for a template name: `single` for names
/// ending in `.html` or `.js` (case-sensitive), `all` otherwise.
WhitespaceMode default_whitespace_mode(std::string_view template_name);

/// parse_whitespace_mode maps "all", "single" and "oneline" to the mode; anything else is
/// nullopt (Tornado's "invalid whitespace mode").
std::optional<WhitespaceMode> parse_whitespace_mode(std::string_view name);

}  // namespace squall::front
