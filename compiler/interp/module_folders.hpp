// Module folders in the interpreter: each folder's template.html is interpreted by a
// TemplateSet rooted at the modules folder, in the session of the page that calls it.
#pragma once

#include <string>
#include <vector>

#include "interp/interpreter.hpp"
#include "parse/parser.hpp"
#include "sema/module_folders.hpp"

namespace squall::interp {

/// add_module_folders loads every module folder under `dir` (front::load_module_folders)
/// and registers each in `registry` as a FolderModule whose template is interpreted with
/// `parse` and `options` (the handler namespace comes from the calling render's session,
/// not from options.names). Returns the loaded folders, or nullopt after reporting errors
/// to `diags`.
std::optional<std::vector<front::ModuleFolder>> add_module_folders(ModuleRegistry& registry,
                                                                   const std::string& dir,
                                                                   const front::ParseOptions& parse,
                                                                   const Options& options,
                                                                   front::DiagnosticEngine& diags);

}  // namespace squall::interp
