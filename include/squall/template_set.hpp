// squall::TemplateSet: the templates of one `squall compile` run, rendered by name.
//
// Generated code registers one render function per template; `NS::templates()` (declared
// in the generated `NS_templates.hpp`) returns the set. Options that change the generated
// code (autoescape default, whitespace mode) were fixed when the templates were compiled;
// what remains are per-render inputs: the arguments, names registered for every render
// (Tornado's loader `namespace=`) and UI modules.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "squall/escape.hpp"
#include "squall/limits.hpp"
#include "squall/namespace.hpp"
#include "squall/render_session.hpp"
#include "squall/ui_module.hpp"
#include "squall/value.hpp"

namespace squall {

namespace rt {
class RenderState;
}

/// RenderFunction is a generated template's entry point.
using RenderFunction = void (*)(rt::RenderState&);

/// CompiledTemplate pairs a template name (relative to the compile root, `/`-separated)
/// with its render function. Generated registries hold static arrays of these.
struct CompiledTemplate {
  std::string_view name;  ///< the template name, relative to the compile root
  RenderFunction render;  ///< the generated render function
};

/// RenderEnvironment is what a program supplies for every render besides the arguments.
/// Everything it points to must outlive the renders that use it.
struct RenderEnvironment {
  /// names are visible to every template; render arguments override them.
  const Namespace* names = nullptr;
  /// modules are what `{% module %}` can call (the built-in `Template` module renders
  /// templates of this set). Without them `{% module %}` raises NameError
  /// "name '_tt_modules' is not defined", as Tornado does outside a request handler.
  const ModuleRegistry* modules = nullptr;
  /// import_modules are what `{% import x %}` finds besides the built-in modules, by dotted
  /// name.
  const Namespace* import_modules = nullptr;
  /// quote is the entity the default xhtml_escape writes for `'`.
  QuoteEntity quote = QuoteEntity::Decimal;
  /// static_url maps the relative resource paths a page render injects
  /// (RequestHandler.static_url), e.g. StaticFiles::function(). Empty: a relative path
  /// raises Exception "You must define the 'static_path' setting in your application to
  /// use static_url", as Tornado does without static_path.
  StaticUrl static_url;
  /// limits bound each render (squall/limits.hpp); null is RenderLimits' defaults.
  const RenderLimits* limits = nullptr;
};

class TemplateSet;

/// TemplateRef is one template of a set, found by name once (TemplateSet::get): rendering
/// through it skips the name lookup TemplateSet::render does every time, so a handler can
/// keep one per page. Cheap to copy; valid as long as its set. Renders as the set would.
class TemplateRef {
 public:
  /// name is the template's name in its set.
  std::string_view name() const { return name_; }
  /// render is TemplateSet::render of this template.
  std::string render(const Value& args, const RenderEnvironment& env = {}) const;
  /// render_to is TemplateSet::render_to of this template.
  void render_to(std::string& out, const Value& args, const RenderEnvironment& env = {}) const;
  /// render_to in `session` is TemplateSet::render_to in a session.
  void render_to(std::string& out, const Value& args, const RenderEnvironment& env,
                 RenderSession& session) const;
  /// render_page is TemplateSet::render_page of this template.
  std::string render_page(const Value& args, const RenderEnvironment& env = {}) const;

 private:
  friend class TemplateSet;
  TemplateRef(const TemplateSet& set, std::string_view name, RenderFunction fn)
      : set_(&set), name_(name), fn_(fn) {}
  const TemplateSet* set_;
  std::string_view name_;
  RenderFunction fn_;
};

/// TemplateSet maps template names to compiled render functions. Immutable after
/// construction: any number of threads may render from one set concurrently.
///
/// **Example**:
/// ```
/// #include "blog_templates.hpp"
/// std::string page = blog::templates().render("home.html", squall::Value::from_json(json));
/// ```
class TemplateSet {
 public:
  /// TemplateSet indexes `templates` (which must outlive the set; entries with a null
  /// render function are skipped).
  explicit TemplateSet(std::span<const CompiledTemplate> templates);

  /// render renders template `name` with `args` (a dict of keyword arguments, or None) and
  /// returns the output. Throws squall::Error: the template's run-time error annotated with
  /// template, line and include chain (Error::format() gives `page.html:3: KeyError: 'x'`),
  /// or KeyError `'name'` when the set has no template `name` (Tornado's DictLoader).
  std::string render(std::string_view name, const Value& args,
                     const RenderEnvironment& env = {}) const;

  /// render_to appends the output to `out` (a caller-owned buffer: clear it and reuse it
  /// across renders to avoid reallocating). On error `out` holds the partial output.
  void render_to(std::string& out, std::string_view name, const Value& args,
                 const RenderEnvironment& env = {}) const;

  /// render_to in `session` renders inside a session the caller keeps across renders (a
  /// request): modules used stay active in it, so a later page injection (inject_resources
  /// with session.resources()) includes them, as Tornado's render_string then render do.
  void render_to(std::string& out, std::string_view name, const Value& args,
                 const RenderEnvironment& env, RenderSession& session) const;

  /// render_page is Tornado's RequestHandler.render: renders template `name` in a new
  /// session, then injects the resources of the modules it used (inject_resources with
  /// env.static_url). Throws what render throws, and ValueError "subsection not found"
  /// when the page lacks a `</head>` or `</body>` its resources need.
  std::string render_page(std::string_view name, const Value& args,
                          const RenderEnvironment& env = {}) const;
  /// render_page in `session`: the page gets the resources of every module the session
  /// used, including in earlier renders.
  std::string render_page(std::string_view name, const Value& args, const RenderEnvironment& env,
                          RenderSession& session) const;

  /// get returns template `name`, or throws squall::Error KeyError `'name'` as render does.
  TemplateRef get(std::string_view name) const;

  /// TypedBody runs a typed template's render function on arguments `args` points to.
  using TypedBody = void (*)(rt::RenderState& state, const void* args);
  /// render_typed is render_to of template `name` through `body` instead of its by-name
  /// render function: what the typed entry points of generated code call
  /// (docs/typed-templates.md). The render has no keyword arguments as Values.
  void render_typed(std::string& out, std::string_view name, TypedBody body, const void* args,
                    const RenderEnvironment& env = {}) const;

  /// contains tells whether template `name` is in the set.
  bool contains(std::string_view name) const;
  /// names lists the templates in the set, sorted.
  std::vector<std::string_view> names() const;

 private:
  friend class TemplateRef;
  RenderFunction find(std::string_view name) const;
  // render_top renders template `name` (render function `fn`) as a top-level render: in a
  // session of its own, whose Template module renders nested templates of this set.
  void render_top(std::string& out, RenderFunction fn, std::string_view name, const Value& args,
                  const RenderEnvironment& env) const;
  // render_bound renders `fn` in `session`, bound to this set and `env` meanwhile.
  void render_bound(std::string& out, RenderFunction fn, std::string_view name, const Value& args,
                    const RenderEnvironment& env, RenderSession& session) const;

  // FNV-1a: template names are short, and this lookup runs once per render.
  struct NameHash {
    std::size_t operator()(std::string_view s) const noexcept {
      std::uint64_t h = 14695981039346656037ULL;
      for (const char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
      return static_cast<std::size_t>(h);
    }
  };
  std::unordered_map<std::string_view, RenderFunction, NameHash> index_;
};

/// render_compiled runs generated render function `fn` (template `name`) with `args` in
/// `session`, with the environment of the render bound to the session: how compiled
/// module folders render their template.html.
void render_compiled(std::string& out, RenderFunction fn, std::string_view name, const Value& args,
                     RenderSession& session);

}  // namespace squall
