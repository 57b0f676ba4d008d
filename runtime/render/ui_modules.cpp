// UI modules: the UIModule base, the registry, Tornado's built-in modules and the
// per-session module namespace.
#include <algorithm>

#include "render/escape_functions.hpp"
#include "squall/detail/render.hpp"
#include "squall/namespace.hpp"
#include "squall/py.hpp"
#include "squall/render_session.hpp"
#include "squall/ui_module.hpp"
#include "squall/value.hpp"

namespace squall {

UIModule::~UIModule() = default;
Value UIModule::embedded_javascript() {
  return {};
}
Value UIModule::javascript_files() {
  return {};
}
Value UIModule::embedded_css() {
  return {};
}
Value UIModule::css_files() {
  return {};
}
Value UIModule::html_head() {
  return {};
}
Value UIModule::html_body() {
  return {};
}

std::string UIModule::render_string(const std::string& name, const Value& kwargs) {
  return session().render_template(name, kwargs);
}

namespace {

using squall::RenderSession;
using PKind = ModuleParam::Kind;

// bind_builtin raises the TypeError Python raises when a call does not fit the built-in
// module's render().
void bind_builtin(std::string_view name, Args args, KwArgs kwargs) {
  const BuiltinModule* m = find_builtin_module(name);
  bind_module_arguments(m->class_name, m->signature, args, kwargs);
}

// TemplateModule (tornado.web.TemplateModule): renders another template with only its
// keyword arguments and `set_resources`, and keeps each template's resources, once per
// template name, in first-call order.
class TemplateModule final : public UIModule {
 public:
  Value render(Args args, KwArgs kwargs) override {
    bind_builtin("Template", args, kwargs);
    if (!args[0].is_str()) {
      py::raise_type_error("Template() takes the template name (a str) as its first argument");
    }
    const std::string path(args[0].as_str());
    Value ns = Value::dict();
    auto& d = ns.as_dict();
    d.set(Value("set_resources"), set_resources_fn(path));
    for (const auto& kw : kwargs) {
      if (kw.name == "set_resources") {
        // render_string(path, set_resources=..., **kwargs)
        py::raise_type_error(
            "tornado.web.UIModule.render_string() got multiple values for keyword "
            "argument 'set_resources'");
      }
      d.set(Value(kw.name), kw.value);
    }
    return Value(render_string(path, ns));
  }
  Value embedded_javascript() override { return join("embedded_javascript", "\n"); }
  Value javascript_files() override { return files("javascript_files"); }
  Value embedded_css() override { return join("embedded_css", "\n"); }
  Value css_files() override { return files("css_files"); }
  Value html_head() override { return join("html_head", ""); }
  Value html_body() override { return join("html_body", ""); }

 private:
  // set_resources(**kwargs) for template `path`: records the first call's resources, then
  // accepts only equal ones.
  Value set_resources_fn(const std::string& path) {
    return Value::function("set_resources", [this, path](Args args, KwArgs kwargs) -> Value {
      if (!args.empty()) {
        py::raise_type_error(
            "TemplateModule.render.<locals>.set_resources() takes 0 positional arguments but " +
            std::to_string(args.size()) + (args.size() == 1 ? " was given" : " were given"));
      }
      Value resources = Value::dict();
      for (const auto& kw : kwargs) resources.as_dict().set(Value(kw.name), kw.value);
      for (const auto& [p, r] : resources_) {
        if (p != path) continue;
        if (!py::eq(r, resources)) {
          throw_error("ValueError",
                      "set_resources called with different resources for the same template");
        }
        return Value("");
      }
      resources_.emplace_back(path, std::move(resources));
      return Value("");
    });
  }

  // join is `sep.join(r[key] for r in resources if key in r)`.
  Value join(std::string_view key, std::string_view sep) const {
    std::string out;
    bool first = true;
    std::size_t index = 0;
    for (const auto& [path, r] : resources_) {
      const Value* v = r.as_dict().find_str(key);
      if (!v) continue;
      if (!v->is_str()) {
        py::raise_type_error("sequence item " + std::to_string(index) +
                             ": expected str instance, " + std::string(py::type_name(*v)) +
                             " found");
      }
      if (!first) out += sep;
      out += v->as_str();
      first = false;
      ++index;
    }
    return Value(std::move(out));
  }

  // files flattens the file lists: a str is one path, anything else is extended.
  Value files(std::string_view key) const {
    std::vector<Value> out;
    for (const auto& [path, r] : resources_) {
      const Value* v = r.as_dict().find_str(key);
      if (!v) continue;
      if (v->is_str()) {
        out.push_back(*v);
      } else {
        for (Value& item : py::to_vector(*v)) out.push_back(std::move(item));
      }
    }
    return Value::list(std::move(out));
  }

  std::vector<std::pair<std::string, Value>> resources_;  // by template path, first call first
};

class LinkifyModule final : public UIModule {
 public:
  Value render(Args args, KwArgs kwargs) override {
    bind_builtin("linkify", args, kwargs);
    const auto* globals = session().globals;
    const QuoteEntity quote = globals ? globals->quote() : QuoteEntity::Decimal;
    return Value(render::linkify_call(args, kwargs, quote));
  }
};

class XsrfFormHtmlModule final : public UIModule {
 public:
  Value render(Args args, KwArgs kwargs) override {
    bind_builtin("xsrf_form_html", args, kwargs);
    if (!session().globals) render::raise_name_error("xsrf_form_html");
    return py::call(session().globals->lookup("xsrf_form_html"), args, kwargs);
  }
};

// The `_tt_modules` object: attribute `Name` is a callable that renders module Name.
class ModuleNamespace final : public Object {
 public:
  explicit ModuleNamespace(RenderSession& session) : session_(session) {}
  std::string_view type_name() const override { return "_UIModuleNamespace"; }

  std::optional<Value> getattr(std::string_view name) const override {
    // One callable per name and session: a module called in a loop looks it up once.
    for (const auto& [n, fn] : functions_) {
      if (n == name) return fn;
    }
    // Tornado turns the registry's KeyError into AttributeError(str(KeyError(name))).
    if (!session_.has_module(name)) throw_error("AttributeError", py::repr(Value(name)));
    RenderSession* session = &session_;
    std::string module_name(name);
    Value fn = Value::function(module_name, [session, module_name](Args args, KwArgs kwargs) {
      return session->module(module_name)->render(args, kwargs);
    });
    functions_.emplace_back(std::move(module_name), fn);
    return fn;
  }

 private:
  RenderSession& session_;
  mutable std::vector<std::pair<std::string, Value>> functions_;
};

}  // namespace

const BuiltinModule* find_builtin_module(std::string_view name) {
  static const BuiltinModule kTemplate{
      "TemplateModule",
      {true, {{"path", PKind::Positional, {}}, {"kwargs", PKind::VarKwargs, {}}}}};
  static const BuiltinModule kLinkify{
      "_linkify", {true, {{"text", PKind::Positional, {}}, {"kwargs", PKind::VarKwargs, {}}}}};
  static const BuiltinModule kXsrf{"_xsrf_form_html", {true, {}}};
  if (name == "Template") return &kTemplate;
  if (name == "linkify") return &kLinkify;
  if (name == "xsrf_form_html") return &kXsrf;
  return nullptr;
}

ModuleRegistry::ModuleRegistry() {
  add<TemplateModule>("Template");
  add<LinkifyModule>("linkify");
  add<XsrfFormHtmlModule>("xsrf_form_html");
}

void ModuleRegistry::add(std::string name, UIModuleFactory f) {
  factories_[std::move(name)] = std::move(f);
}

const UIModuleFactory* ModuleRegistry::find(std::string_view name) const {
  const auto found = factories_.find(std::string(name));
  return found == factories_.end() ? nullptr : &found->second;
}

std::vector<std::string> ModuleRegistry::names() const {
  std::vector<std::string> out;
  for (const auto& [name, f] : factories_) out.push_back(name);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace squall

namespace squall {

RenderSession::RenderSession(const ModuleRegistry* modules) : registry_(modules) {
  if (registry_) namespace_ = Value::adopt(new ModuleNamespace(*this));
}

RenderSession::RenderSession(const ModuleRegistry* modules, TemplateRenderer renderer)
    : RenderSession(modules) {
  binding_.renderer = renderer;
}

RenderSession::~RenderSession() = default;

std::string RenderSession::render_template(const std::string& name, const Value& kwargs) {
  render::CallDepthGuard guard;
  if (!binding_.renderer)
    throw_error("RuntimeError", "no template renderer for the Template module");
  struct Restore {
    RenderSession& s;
    const render::Globals* outer;
    ~Restore() { s.globals = outer; }
  } restore{*this, globals};
  return binding_.renderer(name, kwargs, *this);
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
  std::unique_ptr<UIModule> instance = (*f)();
  instance->session_ = this;
  active_.emplace_back(std::string(name), std::move(instance));
  return active_.back().second.get();
}

}  // namespace squall
