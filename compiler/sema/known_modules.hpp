// The Python modules templates may import (`{% import x %}`, `{% from x import y %}`).
#pragma once

#include <span>
#include <string_view>

#include "ast/ast.hpp"
#include "diag/diagnostics.hpp"

namespace squall::front {

/// known_modules lists the modules Squall's runtime provides; the single place to extend.
std::span<const std::string_view> known_modules();

/// is_known_module says whether `module` (a dotted name) or its top-level package is one
/// of known_modules().
bool is_known_module(std::string_view module);

/// check_imports warns about every import in `t` (at any depth) of a module Squall does
/// not provide; Tornado would import it from Python at run time.
void check_imports(const Template& t, DiagnosticEngine& diags);

}  // namespace squall::front
