// squall::RenderSession: what the renders of one request share (the UI module instances
// and their resources), and TemplateRenderer, how a session renders templates by name.
// Web adapters and UI modules use them; a plain TemplateSet::render makes its own.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "squall/escape.hpp"
#include "squall/namespace.hpp"
#include "squall/ui_module.hpp"
#include "squall/value.hpp"

namespace squall {

namespace render {
class Globals;  // the namespace of one render (generated-code ABI, squall/abi.hpp)
}

/// TemplateRenderer is the back end's entry point for the Template module: render the
/// template `name` (resolved from the loader root) with `kwargs` (a dict) as its keyword
/// arguments, in `session`, returning the output. Errors propagate as squall::Error.
///
/// It refers to the back end's callable without owning it (a render makes one per
/// session, and a std::function would cost more than the rest of a small render's setup):
/// the callable must outlive the renderer, so temporaries are refused.
class TemplateRenderer {
 public:
  /// An empty renderer (false); calling it is undefined.
  TemplateRenderer() = default;
  /// refers to `f`, which must outlive the renderer.
  template <class F>
  requires std::is_invocable_r_v<std::string, const F&, const std::string&, const Value&,
                                 RenderSession&>
  TemplateRenderer(const F& f)  // NOLINT(google-explicit-constructor): a callable reference
      : object_(&f),
        call_([](const void* o, const std::string& name, const Value& kwargs,
                 RenderSession& session) {
          return (*static_cast<const F*>(o))(name, kwargs, session);
        }) {}
  template <class F>
  TemplateRenderer(const F&&) = delete;

  std::string operator()(const std::string& name, const Value& kwargs,
                         RenderSession& session) const {  ///< renders `name`
    return call_(object_, name, kwargs, session);
  }
  explicit operator bool() const { return call_ != nullptr; }  ///< refers to a callable

 private:
  const void* object_ = nullptr;
  std::string (*call_)(const void*, const std::string&, const Value&, RenderSession&) = nullptr;
};

/// RenderSession is what the renders of one request share (Tornado's request handler): the
/// module instances, in first-use order, and the namespace object `_tt_modules` /
/// `modules`. A top-level render binds itself to the session while it runs (Bind): how to
/// render other templates by name, and its environment. A session may outlive several
/// renders (RequestHandler.render_string calls before render): modules they used stay
/// active, and resources() then reports them all. Without a registry there is no module
/// namespace, and `{% module x() %}` raises NameError "name '_tt_modules' is not defined"
/// as it does in Tornado outside a request handler. Not thread-safe.
class RenderSession {
 public:
  /// Binding is what the render running in the session provides. Everything it refers to
  /// must outlive the binding.
  struct Binding {
    /// renderer renders a template of the render's set by name (the Template module,
    /// UIModule::render_string).
    TemplateRenderer renderer;
    /// names are the handler namespace (the environment's registered names); may be null.
    const Namespace* names = nullptr;
    /// import_modules are what `{% import %}` finds besides the built-ins; may be null.
    const Namespace* import_modules = nullptr;
    /// quote is how the render's escaping (autoescape, xhtml_escape, linkify) writes `'`:
    /// the environment's choice, Tornado 6.2's `&#39;` by default.
    QuoteEntity quote = QuoteEntity::Decimal;
  };

  /// Bind makes `binding` the session's binding while it lives, then restores the previous
  /// one (renders nest: a module may render a template of another set).
  class Bind {
   public:
    /// Bind copies `binding` into `session` (what it points to must outlive the Bind);
    /// `session` must outlive the Bind too.
    Bind(RenderSession& session, const Binding& binding)
        : session_(session), outer_(session.binding_) {
      session.binding_ = binding;
    }
    ~Bind() { session_.binding_ = outer_; }
    Bind(const Bind&) = delete;
    Bind& operator=(const Bind&) = delete;

   private:
    RenderSession& session_;
    Binding outer_;
  };

  /// `modules` may be null; it must outlive the session.
  explicit RenderSession(const ModuleRegistry* modules);
  /// RenderSession(modules, renderer) is a session permanently bound to `renderer` (whose
  /// callable must outlive the session).
  RenderSession(const ModuleRegistry* modules, TemplateRenderer renderer);
  ~RenderSession();
  RenderSession(const RenderSession&) = delete;
  RenderSession& operator=(const RenderSession&) = delete;

  /// modules_namespace is the `_tt_modules` object: getattr(Name) gives a callable that
  /// calls the module's render (AttributeError "'Name'" for an unregistered name, as
  /// Tornado's _UIModuleNamespace), or nullptr without a registry.
  const Value* modules_namespace() const { return namespace_.is_none() ? nullptr : &namespace_; }
  /// render_template renders a template of the bound set by name (CallDepthGuard applies);
  /// RuntimeError when no render is bound.
  std::string render_template(const std::string& name, const Value& kwargs);
  /// module returns this session's instance of module `name`, creating it on first use;
  /// nullptr when no such module is registered.
  UIModule* module(std::string_view name);
  /// has_module tells whether module `name` is registered (without creating it).
  bool has_module(std::string_view name) const;
  /// binding is the binding of the render running now (empty between renders).
  const Binding& binding() const { return binding_; }
  /// globals is the namespace of the template currently rendering (set by the back ends
  /// while a render runs; modules such as xsrf_form_html read handler helpers from it).
  const render::Globals* globals = nullptr;
  /// active_modules are the instances created so far, in first-use order.
  const std::vector<std::pair<std::string, std::unique_ptr<UIModule>>>& active_modules() const {
    return active_;
  }
  /// resources collects the active modules' resources as RequestHandler.render does
  /// (calls every resource hook once; hooks may raise squall::Error).
  PageResources resources();
  /// context is for the program (e.g. a web framework's request object), which modules
  /// may read through UIModule::session(). The session never touches it.
  std::shared_ptr<void> context;

 private:
  const ModuleRegistry* registry_;
  Binding binding_;
  Value namespace_;
  std::vector<std::pair<std::string, std::unique_ptr<UIModule>>> active_;
};

}  // namespace squall
