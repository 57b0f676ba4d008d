// `squall lint`: warnings where a `{{ }}` lands in a place HTML escaping does not protect,
// and a list of every place escaping is turned off. Lint never changes output.
#pragma once

#include "ast/ast.hpp"
#include "diag/diagnostics.hpp"

namespace squall::front {

/// LintCode names each warning (docs/security.md documents each with an example and the
/// fix); the message starts with `[code]`.
enum class LintCode {
  Script,          // {{ }} inside <script>...</script>
  Style,           // {{ }} inside <style>...</style>
  EventAttribute,  // {{ }} in an on*= attribute (onclick="f({{ x }})")
  Unquoted,        // {{ }} as an unquoted attribute value (<a title={{ x }}>)
  UrlStart,        // href/src/action/... value starting with {{ }} (javascript: URLs)
  StyleAttribute,  // {{ }} in a style= attribute
  Raw,             // {% raw %}: output without escaping
  AutoescapeOff,   // {% autoescape None %}: the rest of the file is not escaped
};

/// lint_code_name is the code as written in messages ("script", "url-start", ...).
const char* lint_code_name(LintCode code);

/// lint_template reports the warnings for one parsed template to `diags`, in source order,
/// and returns how many it reported. The HTML context is followed through the template's
/// text in source order (both branches of an `if` in turn), as a reader would.
int lint_template(const Template& t, DiagnosticEngine& diags);

}  // namespace squall::front
