// squall::UIModule: Tornado's UI modules (tornado.web.UIModule), the registry
// `{% module %}` calls into, module folders, and the page injection of their resources
// exactly as RequestHandler.render does it (../shared/spec/tornado-spec.md section 8).
//
// A page render is two steps, as in Tornado:
//   1. one or more renders in a RenderSession (a request): every module used gets
//      one instance per name, kept in first-use order;
//   2. inject_resources() splices the modules' CSS, JavaScript and head/body parts into the
//      page HTML. TemplateSet::render_page does both.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "squall/value.hpp"

namespace squall {

class RenderSession;

// ---------------------------------------------------------------------------------------
// Modules

/// UIModule is a reusable piece of page with its own resources (tornado.web.UIModule).
/// One instance is created per session (request) and module name, on the first call, and
/// reused by every later call in the session.
///
/// render is required. Every resource hook returns None (nothing) by default; otherwise:
///   - embedded_javascript, embedded_css, html_head, html_body: a str;
///   - javascript_files, css_files: a str (one path) or a list/tuple of str paths. Paths
///     not starting with `/`, `http:` or `https:` go through the page's static_url.
///
/// **Example**:
/// ```
/// class Greeting final : public squall::UIModule {
///  public:
///   squall::Value render(squall::Args args, squall::KwArgs) override {
///     return squall::Value("<p>Hello " + squall::xhtml_escape(squall::py::str(args.at(0))) +
///     "</p>");
///   }
///   squall::Value css_files() override { return squall::Value("greeting.css"); }
/// };
/// registry.add<Greeting>("Greeting");   // {% module Greeting(user.name) %}
/// ```
class UIModule {
 public:
  virtual ~UIModule();
  /// render returns the module's output: a str, or any value (written with str()).
  /// `{% module %}` writes it unescaped; `{{ modules.X() }}` escapes it. Raise a
  /// squall::Error (e.g. py::raise_type_error) for bad arguments.
  virtual Value render(Args args, KwArgs kwargs) = 0;
  /// embedded_javascript is script text the page embeds in one `<script>` element before
  /// the last `</body>` (a str); None or "" adds nothing. Called once per session.
  virtual Value embedded_javascript();
  /// javascript_files are scripts the page links before the last `</body>`: a str (one
  /// path) or a list/tuple of str; None or empty adds nothing. Called once per session.
  virtual Value javascript_files();
  /// embedded_css is style text the page embeds in one `<style>` element before the first
  /// `</head>` (a str); None or "" adds nothing. Called once per session.
  virtual Value embedded_css();
  /// css_files are stylesheets the page links before the first `</head>`: a str (one path)
  /// or a list/tuple of str; None or empty adds nothing. Called once per session.
  virtual Value css_files();
  /// html_head is raw HTML (a str, not escaped) inserted before the first `</head>`;
  /// None or "" adds nothing. Called once per session.
  virtual Value html_head();
  /// html_body is raw HTML (a str, not escaped) inserted before the first `</body>`;
  /// None or "" adds nothing. Called once per session.
  virtual Value html_body();

 protected:
  /// render_string renders template `name` of the page's template set (resolved from its
  /// root) with the handler namespace (the environment's names) plus `kwargs` (a dict, or
  /// None), in this module's session: Tornado's UIModule.render_string.
  std::string render_string(const std::string& name, const Value& kwargs);
  /// session is the session (request) this instance belongs to: Tornado's `self.handler`.
  /// Set before the first call of any hook.
  RenderSession& session() const { return *session_; }

 private:
  friend class RenderSession;
  RenderSession* session_ = nullptr;
};

/// UIModuleFactory makes one instance of a module (called once per session and name).
using UIModuleFactory = std::function<std::unique_ptr<UIModule>()>;

/// ModuleRegistry is the set of UI modules `{% module Name(...) %}` can call (Tornado's
/// `ui_modules` setting). It starts with Tornado's built-ins:
///   - `Template(name, **kwargs)`: renders template `name` (resolved from the loader root,
///     not relative to the caller) with the handler namespace, `kwargs` and `set_resources`;
///     the caller's variables are not visible. `set_resources(**resources)` records the
///     template's resources once per template name (a different second call raises
///     ValueError "set_resources called with different resources for the same template").
///   - `linkify(text, **kwargs)`: escape.linkify.
///   - `xsrf_form_html()`: calls the render namespace's `xsrf_form_html` function.
/// add() with one of those names replaces the built-in. Immutable while renders use it.
class ModuleRegistry {
 public:
  /// ModuleRegistry starts with the built-ins (Template, linkify, xsrf_form_html) only.
  ModuleRegistry();
  /// add registers `factory` under `name` (replacing an earlier registration).
  void add(std::string name, UIModuleFactory factory);
  /// add<M> registers default-constructed instances of M.
  template <class M>
  void add(std::string name) {
    add(std::move(name), [] { return std::make_unique<M>(); });
  }
  /// find returns the factory of module `name`, or nullptr.
  const UIModuleFactory* find(std::string_view name) const;
  /// names lists the registered modules (built-ins included), sorted.
  std::vector<std::string> names() const;

 private:
  std::unordered_map<std::string, UIModuleFactory> factories_;
};

// ---------------------------------------------------------------------------------------
// Module folders (the module compiler's output and the interpreter's loaded folders)

/// ModuleParam is one parameter of a module folder's `signature` (a Python parameter list).
struct ModuleParam {
  /// Kind is how a call's arguments reach the parameter, as in a Python `def`.
  enum class Kind {
    Positional,   ///< `x` or `x=default` before any `*`
    KeywordOnly,  ///< after `*` or `*args`
    VarArgs,      ///< `*args`: a tuple of the extra positional arguments
    VarKwargs,    ///< `**kwargs`: a dict of the extra keyword arguments
  };
  std::string name;  ///< the parameter's name (without `*`/`**`): the template's variable
  Kind kind = Kind::Positional;        ///< where the parameter sits in the list
  std::optional<Value> default_value;  ///< a Python literal, evaluated once
};

/// ModuleSignature is the parameter list of `def render(self, <signature>)`.
struct ModuleSignature {
  /// declared is false for a folder without a signature: the module then takes keyword
  /// arguments only, and they become the template's names (`def render(self, **kwargs)`).
  bool declared = false;
  /// params are the parameters in declaration order (a bare `*` is not listed: it only
  /// makes the later ones KeywordOnly); ignored when `declared` is false.
  std::vector<ModuleParam> params;
};

/// bind_module_arguments binds a call's arguments to `signature` exactly as Python binds
/// them to `def render(self, <signature>)` of class `module_name`, and returns the names
/// the module's template sees: one entry per parameter (`*args` a tuple, `**kwargs` a dict),
/// or, without a declared signature, the keyword arguments themselves. Raises Python's
/// TypeError texts, e.g. "Entry.render() missing 1 required positional argument: 'entry'",
/// "Entry.render() takes 2 positional arguments but 3 were given" (counts include self).
Value bind_module_arguments(std::string_view module_name, const ModuleSignature& signature,
                            Args args, KwArgs kwargs);

/// BuiltinModule is one of Tornado's built-in modules as binding sees it: the Python class
/// whose render() binds the call (for TypeError texts) and its parameters.
struct BuiltinModule {
  std::string_view class_name;  ///< `TemplateModule`, `_linkify`, `_xsrf_form_html`
  ModuleSignature signature;    ///< `path, **kwargs`, `text, **kwargs`, `` (none)
};
/// find_builtin_module returns built-in module `name` (Template, linkify, xsrf_form_html),
/// or nullptr.
const BuiltinModule* find_builtin_module(std::string_view name);

/// ModuleTemplateRenderer renders a module folder's template.html in `session` with
/// `names` (a dict: the bound arguments) on top of the handler namespace.
using ModuleTemplateRenderer =
    std::function<std::string(RenderSession& session, const Value& names)>;

/// FolderModuleSpec describes one module folder: its name, its template (rendered by the
/// back end that loaded or compiled it), its signature and its resources (None when the
/// folder does not define them; the file lists are a str or a list of str).
struct FolderModuleSpec {
  /// name is the folder's name (a Python identifier): the name templates call
  /// (`{% module Name(...) %}`) and the class name in binding's TypeError texts.
  std::string name;
  std::string template_name;  ///< `<Name>/template.html`, for error locations
  /// signature is module.json's "signature" (not declared when module.json has none).
  ModuleSignature signature;
  /// render_template renders the folder's template.html with the bound arguments; it must
  /// be set, and whatever it captures lives as long as the registry's module does.
  ModuleTemplateRenderer render_template;
  Value embedded_javascript;  ///< embedded.js
  Value javascript_files;     ///< module.json "javascript_files"
  Value embedded_css;         ///< embedded.css
  Value css_files;            ///< module.json "css_files"
  Value html_head;            ///< module.json "html_head"
  Value html_body;            ///< module.json "html_body"
};

/// add_folder_module registers the module `spec` describes under spec->name. Its render
/// binds the call's arguments (bind_module_arguments) and renders the template with them;
/// its hooks return the spec's resources.
void add_folder_module(ModuleRegistry& registry, std::shared_ptr<const FolderModuleSpec> spec);

// ---------------------------------------------------------------------------------------
// Resources and page injection (RequestHandler.render)

/// PageResources are the resources of a session's modules, collected as
/// RequestHandler.render collects them: modules in first-use order, each hook called once,
/// falsy results skipped, a str file result taken as one path and a list/tuple extended.
/// Paths are as the modules gave them (before static_url and de-duplication).
struct PageResources {
  std::vector<std::string> embedded_javascript;  ///< script texts, one per module
  std::vector<std::string> javascript_files;     ///< script paths or URLs
  std::vector<std::string> embedded_css;         ///< style texts, one per module
  std::vector<std::string> css_files;            ///< stylesheet paths or URLs
  std::vector<std::string> html_head;            ///< raw HTML for before `</head>`
  std::vector<std::string> html_body;            ///< raw HTML for before `</body>`
  /// empty tells whether every list is empty: inject_resources then leaves the page as is
  /// (no `</head>` or `</body>` is needed).
  bool empty() const;
};

/// StaticUrl maps a relative resource path to its URL (RequestHandler.static_url), e.g.
/// StaticFiles::url. It may throw squall::Error.
using StaticUrl = std::function<std::string(std::string_view path)>;

/// is_absolute_url tells whether a resource path is used as is: it starts with `/`,
/// `http:` or `https:` (so `//cdn/x.js` is absolute and `ftp:x` is not), as Tornado's
/// is_absolute.
bool is_absolute_url(std::string_view path);

/// render_linked_js is RequestHandler.render_linked_js: relative paths through
/// `static_url`, duplicates (compared after mapping) dropped keeping the first, then
/// `<script src="ESC(p)" type="text/javascript"></script>` per path, no separator.
/// An empty `static_url` raises Exception "You must define the 'static_path' setting in
/// your application to use static_url" for a relative path, as Tornado does.
std::string render_linked_js(const std::vector<std::string>& paths, const StaticUrl& static_url);
/// render_linked_css is render_linked_js's rules with
/// `<link href="ESC(p)" type="text/css" rel="stylesheet"/>`.
std::string render_linked_css(const std::vector<std::string>& paths, const StaticUrl& static_url);
/// render_embed_js: `<script type="text/javascript">\n//<![CDATA[\n` + parts joined by
/// "\n" + `\n//]]>\n</script>`.
std::string render_embed_js(const std::vector<std::string>& parts);
/// render_embed_css: `<style type="text/css">\n` + parts joined by "\n" + `\n</style>`.
std::string render_embed_css(const std::vector<std::string>& parts);

/// inject_resources splices `resources` into `html` as RequestHandler.render does, in this
/// order: linked JS then embedded JS before the last `</body>`; linked CSS, embedded CSS,
/// then the head parts (concatenated) before the first `</head>`; the body parts before
/// the first `</body>`; each followed by "\n". A tag that is needed and missing raises
/// ValueError "subsection not found" (html is then unchanged).
void inject_resources(std::string& html, const PageResources& resources,
                      const StaticUrl& static_url);

}  // namespace squall
