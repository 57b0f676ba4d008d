// Typed templates' generated code (docs/typed-templates.md): besides the by-name render
// function, a unit that declares argument types gets a typed render function and a typed
// entry point, declared in a header of its own.
#pragma once

#include <optional>
#include <string>

#include "codegen/compile_unit.hpp"

namespace squall::cg {

/// typed_entry_name is the entry point of template `name`: `render_` and the path without
/// its last extension, other characters than letters and digits as `_`
/// ("blog/post.html" -> "render_blog_post").
std::string typed_entry_name(const std::string& name);

/// typed_header_name is the file name of the header of template `name`, beside its .cpp:
/// "blog/post.html" -> "blog/post.html.hpp".
std::string typed_header_name(const std::string& name);

/// compile_typed_header returns the header of `unit`: for a typed unit, the declared
/// includes and the entry point's declaration; otherwise only a comment.
std::string compile_typed_header(const front::Unit& unit, const std::string& ns);

/// compile_typed_unit is compile_unit (with `layout`) followed, for a typed unit, by the
/// typed render function (flattened with its layout) and the entry point's definition.
std::optional<std::string> compile_typed_unit(const front::Unit& unit,
                                              const CompileOptions& options,
                                              front::DiagnosticEngine& diags,
                                              const front::LayoutChoice& layout = {});

}  // namespace squall::cg
