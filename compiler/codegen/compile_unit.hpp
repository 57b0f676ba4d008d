// The code generator's entry points: a resolved Unit to the text of its .cpp file, and
// the public header and registry of a template set.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostics.hpp"
#include "sema/unit.hpp"

namespace squall::cg {

/// CompileOptions are fixed when a template set is compiled.
struct CompileOptions {
  /// ns is the C++ namespace of the set (a C++ identifier, checked by the driver).
  std::string ns = "templates";
  /// line_directives writes `#line` so compiler errors and debuggers show template lines.
  bool line_directives = true;
  /// output_name is the generated file as `#line` names it when mapping back to itself.
  std::string output_name;
  /// typed emits the typed render function of a unit that declares argument types
  /// (`<fn>_typed`, docs/typed-templates.md) instead of the by-name one.
  bool typed = false;
};

/// compile_unit returns the C++ source of `unit`'s render function, or nullopt after
/// reporting a diagnostic for a construct the code generator cannot lower. Deterministic:
/// the same unit and options always give the same bytes.
std::optional<std::string> compile_unit(const front::Unit& unit, const CompileOptions& options,
                                        front::DiagnosticEngine& diags);

/// compile_header returns `<ns>_templates.hpp`: the declaration of `ns::templates()`.
std::string compile_header(const std::string& ns);

/// compile_registry returns `<ns>_registry.cpp`: the table of `names` (sorted by the
/// caller) to their render functions, and the definition of `ns::templates()`.
std::string compile_registry(const std::string& ns, const std::vector<std::string>& names);

}  // namespace squall::cg
