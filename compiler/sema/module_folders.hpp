// Module folders: a UI module a designer writes without C++ (docs/ui-modules.md).
//
//   DIR/Entry/template.html   required: what Entry(...) renders
//   DIR/Entry/embedded.css    optional: embedded_css()
//   DIR/Entry/embedded.js     optional: embedded_javascript()
//   DIR/Entry/module.json     optional: signature, css_files, javascript_files, html_head,
//                             html_body
//
// Both back ends load folders through load_module_folders: the interpreter renders the
// template with a loader rooted at DIR, the code generator compiles it to a C++ module.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ast/ast.hpp"
#include "diag/diagnostics.hpp"
#include "sema/unit.hpp"
#include "squall/ui_module.hpp"

namespace squall::front {

/// ModuleFolder is one loaded folder: everything of a FolderModuleSpec except how its
/// template is rendered (each back end supplies that).
struct ModuleFolder {
  std::string name;           ///< the folder's name, the module's name in templates
  std::string template_name;  ///< `<name>/template.html`, relative to the modules root
  ModuleSignature signature;
  std::string signature_text;  ///< as written in module.json ("" without one)
  Value embedded_javascript, javascript_files, embedded_css, css_files, html_head, html_body;
  /// inputs are the files read besides the template (module.json, embedded.*), for
  /// depfiles.
  std::vector<std::string> inputs;
};

/// load_module_folders loads every folder under `dir` (hidden folders and plain files
/// skipped), sorted by name; nullopt after reporting errors (a folder without
/// template.html, a name that is not a Python identifier, an invalid module.json or
/// signature).
std::optional<std::vector<ModuleFolder>> load_module_folders(const std::string& dir,
                                                             DiagnosticEngine& diags);

/// parse_module_signature parses a Python parameter list (`entry, show=False, *args,
/// **kwargs`; defaults are Python literals). On failure returns nullopt and sets `error`.
std::optional<ModuleSignature> parse_module_signature(const std::string& text, std::string& error);

/// KnownModules is the module set known when templates are compiled: every name
/// `{% module Name(...) %}` may call, with the signature when it is known (folder modules
/// and the built-ins; hand-written modules are declared by name only).
struct KnownModules {
  /// signatures by module name; nullopt for a module declared by name only.
  std::map<std::string, std::optional<ModuleSignature>, std::less<>> modules;
  /// class_names are the Python class names used in binding errors (`TemplateModule`).
  std::map<std::string, std::string, std::less<>> class_names;
};

/// known_modules returns Tornado's built-ins (Template, linkify, xsrf_form_html) plus the
/// `folders` plus `declared` hand-written names (a later entry replaces an earlier one, as
/// registrations replace built-ins).
KnownModules known_modules(const std::vector<ModuleFolder>& folders,
                           const std::vector<std::string>& declared);

/// ModuleSet is what the build-time module checks of `squall compile` and `squall check`
/// work from.
struct ModuleSet {
  std::vector<ModuleFolder> folders;  ///< the folders under the modules folder, if any
  std::optional<KnownModules> known;  ///< absent when no module set was given
};

/// load_module_set loads the folders under `dir` ("" for none) and, when `dir` or
/// `declared` (hand-written module names) is given, the known set; nullopt after reporting
/// errors in a folder.
std::optional<ModuleSet> load_module_set(const std::string& dir,
                                         const std::vector<std::string>& declared,
                                         DiagnosticEngine& diags);

/// check_module_calls reports, for every `{% module Name(...) %}` in `t` (at any depth), an
/// unknown Name, and a call whose arguments cannot bind to the module's signature (the
/// TypeError Python would raise), at the call's location. Calls with `*args` or `**kwargs`
/// are only checked for the name.
void check_module_calls(const Template& t, const KnownModules& known, DiagnosticEngine& diags);

/// check_module_calls of a unit checks every file of it: the template, its layouts and the
/// templates it includes.
void check_module_calls(const Unit& unit, const KnownModules& known, DiagnosticEngine& diags);

}  // namespace squall::front
