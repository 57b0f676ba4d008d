// The interpreter: renders templates by walking the front end's Units, for `squall render`,
// the live preview and the conformance tests. Every Python operation goes through
// squall::py and every template-level operation through squall::render, the functions
// the generated C++ calls too.
#pragma once

#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "diag/diagnostics.hpp"
#include "sema/module_folders.hpp"
#include "sema/unit.hpp"
#include "squall/detail/render.hpp"
#include "squall/limits.hpp"
#include "squall/namespace.hpp"
#include "squall/render_session.hpp"
#include "squall/ui_module.hpp"
#include "squall/value.hpp"

namespace squall::interp {

struct UnitPlan;
struct Frame;

/// Options are the loader-level settings of a TemplateSet (Tornado's Loader arguments and
/// the application's namespace and UI modules). Parse-level settings (whitespace mode,
/// per-file autoescape default) belong to the TemplateProvider, which parses.
struct Options {
  /// autoescape is the escape function name for files whose parse did not set one
  /// (Template::autoescape unset); nullopt or "" turns escaping off.
  std::optional<std::string> autoescape = std::string("xhtml_escape");
  /// quote is the entity xhtml_escape writes for `'` (`&#39;` as in Tornado 6.2).
  QuoteEntity quote = QuoteEntity::Decimal;
  /// names are registered for every render (Tornado's loader `namespace=`); keyword
  /// arguments of a render override them.
  squall::Namespace names;
  /// modules, when set, are what `{% module %}` can call; without them `{% module %}`
  /// raises NameError "name '_tt_modules' is not defined", as Tornado outside a handler.
  std::shared_ptr<const squall::ModuleRegistry> modules;
  /// import_modules are what `{% import x %}` finds besides the built-in modules of
  /// py::module(), by dotted name (e.g. "pprint" -> an object with a pformat function).
  squall::Namespace import_modules;
  /// known_modules, when set, is the module set known at compile time: every template
  /// built is checked against it (front::check_module_calls) and its diagnostics make the
  /// render a CompileError.
  std::shared_ptr<const front::KnownModules> known_modules;
  /// static_url maps the relative resource paths render_page injects
  /// (RenderEnvironment::static_url's rules).
  StaticUrl static_url;
  /// limits bound each render (squall/limits.hpp).
  RenderLimits limits;
};

/// CompileError is thrown by TemplateSet::render when the template (or one it extends or
/// includes) does not compile: a parse error, a missing template, a cycle. The
/// diagnostics say where; `what()` is the first one, formatted.
class CompileError : public std::exception {
 public:
  explicit CompileError(std::vector<front::Diagnostic> diagnostics);
  const std::vector<front::Diagnostic>& diagnostics() const { return diagnostics_; }
  const char* what() const noexcept override { return what_.c_str(); }

 private:
  std::vector<front::Diagnostic> diagnostics_;
  std::string what_;
};

/// TemplateSet renders the templates a provider supplies (Tornado's Loader + generate).
/// Compiled units are cached per resolved name until reset(), like Tornado's loader cache
/// (no freshness checks). Not thread-safe. Values a render creates that call back into it
/// (lambdas, generator expressions) raise RuntimeError if called after the render ended.
class TemplateSet {
 public:
  TemplateSet(std::unique_ptr<front::TemplateProvider> provider, Options options = {});
  ~TemplateSet();
  TemplateSet(const TemplateSet&) = delete;
  TemplateSet& operator=(const TemplateSet&) = delete;

  /// compile returns the unit for template `name` (resolved as a top-level name), building
  /// and caching it on first use; null after reporting errors to `diags`.
  const front::Unit* compile(const std::string& name, front::DiagnosticEngine& diags);

  /// render renders template `name` with `kwargs` (a dict Value, or None) as its keyword
  /// arguments and returns the output. Throws CompileError when it does not compile and
  /// squall::Error (annotated with template, line and chain) when rendering raises.
  std::string render(const std::string& name, const Value& kwargs);
  /// render_to is render appending the output to `out` (on an error, `out` holds what was
  /// written before it).
  void render_to(std::string& out, const std::string& name, const Value& kwargs);
  /// render_to in `session`: a render in a session the caller keeps across renders (a
  /// request), bound to this set while it runs (squall::TemplateSet::render_to's rules).
  void render_to(std::string& out, const std::string& name, const Value& kwargs,
                 squall::RenderSession& session);
  /// render_page is RequestHandler.render: render in a new session, then inject the
  /// resources of the modules used (squall::inject_resources with options().static_url).
  std::string render_page(const std::string& name, const Value& kwargs);
  /// render_page in `session`: with the resources of every module the session used.
  std::string render_page(const std::string& name, const Value& kwargs,
                          squall::RenderSession& session);
  /// render_nested renders template `name` of this set inside a render already bound to
  /// `session` (a module folder's template), with the session's names as the handler
  /// namespace.
  std::string render_nested(const std::string& name, const Value& kwargs,
                            squall::RenderSession& session);

  /// reset forgets every compiled unit (Tornado's Loader.reset()).
  void reset();

  const Options& options() const { return options_; }
  /// options (mutable) changes per-render settings between renders, e.g. `names` (the live
  /// preview installs each request's handler namespace); they apply from the next render.
  Options& options() { return options_; }

 private:
  struct Compiled;
  Compiled& compiled_or_throw(const std::string& name);
  Compiled* find_compiled(const std::string& name, front::DiagnosticEngine& diags);
  void render_in(std::string& out, const std::string& name, const Value& kwargs,
                 squall::RenderSession& session, const squall::Namespace* names);

  std::unique_ptr<front::TemplateProvider> provider_;
  Options options_;
  std::unordered_map<std::string, std::unique_ptr<Compiled>> units_;  // by resolved name
  std::unordered_map<std::string, Compiled*> by_name_;  // top-level names as asked for
  std::vector<std::unique_ptr<Frame>> free_frames_;     // renders' working memory, for reuse
};

}  // namespace squall::interp
