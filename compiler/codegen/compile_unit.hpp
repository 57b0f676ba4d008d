// The code generator's entry points: a resolved Unit to the text of its .cpp file, and
// the public header and registry of a template set.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostics.hpp"
#include "sema/layout_sharing.hpp"
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
  /// share_layouts emits a template with blocks that extends nothing as a layout body
  /// pages can call, and lets choose_layout() share it (sema/layout_sharing.hpp). Off for a
  /// set whose layouts are not compiled with it (module folders).
  bool share_layouts = true;
  /// typed emits the typed render function of a unit that declares argument types
  /// (`<fn>_typed`, docs/typed-templates.md) instead of the by-name one. It is always
  /// flattened with its layout: the layout's table of block functions passes no arguments.
  bool typed = false;
};

/// choose_layout decides whether the generated code of `page` calls its layout's body:
/// the layout (the root of its extends chain, loaded through `provider`, which must be
/// the set's loader) is compiled in the same set and compiles on its own, and
/// front::plan_layout_use agrees. Otherwise the page is flattened, and the choice says why.
front::LayoutChoice choose_layout(const front::Unit& page, front::TemplateProvider& provider,
                                  const CompileOptions& options);

/// compile_unit returns the C++ source of `unit`'s render function, or nullopt after
/// reporting a diagnostic for a construct the code generator cannot lower. With
/// `layout.use` the page calls its layout's body (the layout's file, compiled in the same
/// set, defines it); without, a page is flattened with its layout. Deterministic: the
/// same unit, options and choice always give the same bytes.
std::optional<std::string> compile_unit(const front::Unit& unit, const CompileOptions& options,
                                        front::DiagnosticEngine& diags,
                                        const front::LayoutChoice& layout = {});

/// compile_header returns `<ns>_templates.hpp`: the declaration of `ns::templates()`.
std::string compile_header(const std::string& ns);

/// compile_registry returns `<ns>_registry.cpp`: the table of `names` (sorted by the
/// caller) to their render functions, and the definition of `ns::templates()`.
std::string compile_registry(const std::string& ns, const std::vector<std::string>& names);

}  // namespace squall::cg
