// UI modules: the registry, Tornado's built-in modules and the per-render module namespace.
#include "render/escape_functions.hpp"
#include "squall/py.hpp"
#include "squall/render.hpp"

namespace squall::render {
namespace {

// TemplateModule: renders another template with only its keyword arguments.
class TemplateModule final : public UIModule {
 public:
  Value render(Args args, KwArgs kwargs, RenderSession& session) override {
    if (args.size() != 1 || !args[0].is_str()) {
      py::raise_type_error("Template() takes the template name as its only positional argument");
    }
    Value ns = Value::dict();
    auto& d = ns.as_dict();
    d.set(Value("set_resources"), set_resources_fn());
    for (const auto& kw : kwargs) d.set(Value(kw.name), kw.value);
    return Value(session.render_template(std::string(args[0].as_str()), ns));
  }

 private:
  // Resources are not injected yet; set_resources accepts them and prints nothing.
  static Value set_resources_fn() {
    static const Value fn = Value::function("set_resources", [](Args args, KwArgs) -> Value {
      if (!args.empty()) py::raise_type_error("set_resources() takes 0 positional arguments");
      return Value("");
    });
    return fn;
  }
};

class LinkifyModule final : public UIModule {
 public:
  Value render(Args args, KwArgs kwargs, RenderSession& session) override {
    const QuoteEntity quote = session.globals ? session.globals->quote() : QuoteEntity::Decimal;
    return Value(linkify_call(args, kwargs, quote));
  }
};

class XsrfFormHtmlModule final : public UIModule {
 public:
  Value render(Args args, KwArgs kwargs, RenderSession& session) override {
    if (!session.globals) raise_name_error("xsrf_form_html");
    return py::call(session.globals->lookup("xsrf_form_html"), args, kwargs);
  }
};

template <class M>
UIModuleFactory factory() {
  return [] { return std::make_unique<M>(); };
}

// The `_tt_modules` object: attribute `Name` is a callable that renders module Name.
class ModuleNamespace final : public Object {
 public:
  explicit ModuleNamespace(RenderSession& session) : session_(session) {}
  std::string_view type_name() const override { return "_UIModuleNamespace"; }

  std::optional<Value> getattr(std::string_view name) const override {
    if (!session_.has_module(name)) return std::nullopt;
    RenderSession* session = &session_;
    std::string module_name(name);
    return Value::function(module_name, [session, module_name](Args args, KwArgs kwargs) -> Value {
      return session->module(module_name)->render(args, kwargs, *session);
    });
  }

 private:
  RenderSession& session_;
};

}  // namespace

ModuleRegistry::ModuleRegistry() {
  factories_.emplace("Template", factory<TemplateModule>());
  factories_.emplace("linkify", factory<LinkifyModule>());
  factories_.emplace("xsrf_form_html", factory<XsrfFormHtmlModule>());
}

void ModuleRegistry::add(std::string name, UIModuleFactory f) {
  factories_[std::move(name)] = std::move(f);
}

const UIModuleFactory* ModuleRegistry::find(std::string_view name) const {
  const auto found = factories_.find(std::string(name));
  return found == factories_.end() ? nullptr : &found->second;
}

RenderSession::RenderSession(const ModuleRegistry* modules, TemplateRenderer renderer)
    : registry_(modules), renderer_(renderer) {
  if (registry_) namespace_ = Value::adopt(new ModuleNamespace(*this));
}

RenderSession::~RenderSession() = default;

std::string RenderSession::render_template(const std::string& name, const Value& kwargs) {
  CallDepthGuard guard;
  if (!renderer_) throw_error("RuntimeError", "no template renderer for the Template module");
  struct Restore {
    RenderSession& s;
    const Globals* outer;
    ~Restore() { s.globals = outer; }
  } restore{*this, globals};
  return renderer_(name, kwargs, *this);
}

bool RenderSession::has_module(std::string_view name) const {
  return registry_ && registry_->find(name);
}

UIModule* RenderSession::module(std::string_view name) {
  for (auto& [n, m] : active_) {
    if (n == name) return m.get();
  }
  const UIModuleFactory* f = registry_ ? registry_->find(name) : nullptr;
  if (!f) return nullptr;
  active_.emplace_back(std::string(name), (*f)());
  return active_.back().second.get();
}

}  // namespace squall::render
