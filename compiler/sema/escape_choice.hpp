// Which escape function a file's `{{ }}` output goes through: decided here once, read by
// the code generator, the interpreter and loop borrowing.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "ast/ast.hpp"

namespace squall::front {

/// kDefaultEscape is Tornado's default autoescape function.
inline constexpr std::string_view kDefaultEscape = "xhtml_escape";

/// escape_function returns the name of the function that escapes `{{ }}` output in
/// `file`, or "" when escaping is off: the file's last `{% autoescape %}` (or the parse
/// default in Template::autoescape), else the loader's `fallback` (nullopt or "": off).
std::string_view escape_function(const Template& file,
                                 std::optional<std::string_view> fallback = kDefaultEscape);

/// autoescape_option reads an `--autoescape` command-line value for both `squall render`
/// and `squall compile`: "none", "None" and "" turn escaping off (nullopt), anything else
/// names the function.
std::optional<std::string> autoescape_option(std::string_view value);

}  // namespace squall::front
