// The module compiler: a module folder to the C++ that registers it as a UIModule. The
// folder's template.html is compiled by compile_unit like any template (in the nested
// namespace `<ns>::squall_modules`); this adds the module's description next to it.
#pragma once

#include <string>
#include <vector>

#include "sema/module_folders.hpp"

namespace squall::cg {

/// kModuleNamespace is the namespace nested in the set's namespace that holds compiled
/// module folders (their template render functions and registration functions).
inline constexpr std::string_view kModuleNamespace = "squall_modules";

/// compile_module returns the C++ that registers `folder` (appended to the .cpp of its
/// template, compiled in namespace `<ns>::squall_modules`): the FolderModuleSpec with its
/// signature, resources, and a renderer calling the template's render function.
std::string compile_module(const front::ModuleFolder& folder, const std::string& ns);

/// compile_modules_header returns `<ns>_modules.hpp`: `ns::add_modules(registry)` and
/// `ns::modules()`.
std::string compile_modules_header(const std::string& ns);

/// compile_modules_registry returns `<ns>_modules.cpp`, defining both for the module
/// folders `names` (sorted by the caller).
std::string compile_modules_registry(const std::string& ns, const std::vector<std::string>& names);

/// value_literal is a C++ expression building `v` (a Python literal: None, bool, int,
/// float, str, and tuples, lists, sets and dicts of those).
std::string value_literal(const Value& v);

}  // namespace squall::cg
