// The Python modules templates may import (`{% import x %}`, `{% from x import y %}`).
#pragma once

#include <string_view>

#include "ast/ast.hpp"
#include "diag/diagnostics.hpp"

namespace squall::front {

/// is_known_module says whether the runtime provides `module` (a dotted name: its
/// top-level package decides). The runtime's module registry (`squall::py::module`) is the
/// one list, so the check and rendering cannot disagree.
bool is_known_module(std::string_view module);

/// check_imports warns about every import in `t` (at any depth) of a module Squall does
/// not provide; Tornado would import it from Python at run time.
void check_imports(const Template& t, DiagnosticEngine& diags);

}  // namespace squall::front
