// TemplateSet: name lookup, and one RenderSession per top-level render so the Template
// UI module renders nested templates of the same set.
#include "squall/template_set.hpp"

#include <algorithm>

#include "squall/detail/compiled.hpp"
#include "squall/py.hpp"

namespace squall {

TemplateSet::TemplateSet(std::span<const CompiledTemplate> templates) {
  for (const auto& t : templates) {
    if (t.render) index_.emplace(t.name, t.render);
  }
}

RenderFunction TemplateSet::find(std::string_view name) const {
  return get(name).fn_;
}

bool TemplateSet::contains(std::string_view name) const {
  return index_.count(name) > 0;
}

std::vector<std::string_view> TemplateSet::names() const {
  std::vector<std::string_view> out;
  out.reserve(index_.size());
  for (const auto& [name, fn] : index_) out.push_back(name);
  std::sort(out.begin(), out.end());
  return out;
}

TemplateRef TemplateSet::get(std::string_view name) const {
  const auto found = index_.find(name);
  if (found == index_.end()) throw Error("KeyError", py::repr(Value(name)));
  // The key, not `name`: it lives as long as the set.
  return TemplateRef(*this, found->first, found->second);
}

std::string TemplateSet::render(std::string_view name, const Value& args,
                                const RenderEnvironment& env) const {
  std::string out;
  render_to(out, name, args, env);
  return out;
}

void TemplateSet::render_to(std::string& out, std::string_view name, const Value& args,
                            const RenderEnvironment& env) const {
  get(name).render_to(out, args, env);  // an unknown name fails before anything else happens
}

std::string TemplateRef::render(const Value& args, const RenderEnvironment& env) const {
  std::string out;
  render_to(out, args, env);
  return out;
}

void TemplateRef::render_to(std::string& out, const Value& args,
                            const RenderEnvironment& env) const {
  set_->render_top(out, fn_, name_, args, env);
}

void TemplateRef::render_to(std::string& out, const Value& args, const RenderEnvironment& env,
                            squall::RenderSession& session) const {
  set_->render_bound(out, fn_, name_, args, env, session);
}

std::string TemplateRef::render_page(const Value& args, const RenderEnvironment& env) const {
  squall::RenderSession session(env.modules);
  std::string out;
  render_to(out, args, env, session);
  inject_resources(out, session.resources(), env.static_url);
  return out;
}

void TemplateSet::render_to(std::string& out, std::string_view name, const Value& args,
                            const RenderEnvironment& env, squall::RenderSession& session) const {
  get(name).render_to(out, args, env, session);
}

std::string TemplateSet::render_page(std::string_view name, const Value& args,
                                     const RenderEnvironment& env) const {
  return get(name).render_page(args, env);
}

std::string TemplateSet::render_page(std::string_view name, const Value& args,
                                     const RenderEnvironment& env,
                                     squall::RenderSession& session) const {
  std::string out;
  render_to(out, name, args, env, session);
  inject_resources(out, session.resources(), env.static_url);
  return out;
}

// Inline: a top-level render is this plus the session, and small renders feel each call.
// `fn` is a RenderFunction or another callable on the RenderState (a typed body).
template <class Fn>
inline void render_compiled_inline(std::string& out, Fn fn, std::string_view name,
                                   const Value& args, squall::RenderSession& session) {
  const squall::RenderSession::Binding& b = session.binding();
  render::Globals globals(name, args, b.names, &session, b.quote);
  const render::Globals* outer = session.globals;
  session.globals = &globals;
  rt::RenderState state(out, globals, b.import_modules);
  try {
    fn(state);
  } catch (...) {
    session.globals = outer;
    // One failure policy with the interpreter's TemplateSet: a render throws squall::Error.
    rethrow_as_error();
  }
  session.globals = outer;
}

void render_compiled(std::string& out, RenderFunction fn, std::string_view name, const Value& args,
                     squall::RenderSession& session) {
  render_compiled_inline(out, fn, name, args, session);
}

// render_in_environment renders `fn` in `session`, bound to `env` and to a nested render
// of the set's templates (`find` finds their render functions) meanwhile.
template <class Find, class Fn>
void render_in_environment(Find find, std::string& out, Fn fn, std::string_view name,
                           const Value& args, const RenderEnvironment& env,
                           squall::RenderSession& session) {
  const auto nested_render = [find](const std::string& nested, const Value& kwargs,
                                    squall::RenderSession& s) {
    std::string text;
    render_compiled_inline(text, find(nested), nested, kwargs, s);
    return text;
  };
  squall::RenderSession::Bind bind(session,
                                   {nested_render, env.names, env.import_modules, env.quote});
  limits::Scope scope(env.limits);
  render_compiled_inline(out, fn, name, args, session);
}

void TemplateSet::render_bound(std::string& out, RenderFunction fn, std::string_view name,
                               const Value& args, const RenderEnvironment& env,
                               squall::RenderSession& session) const {
  render_in_environment([this](const std::string& nested) { return find(nested); }, out, fn, name,
                        args, env, session);
}

void TemplateSet::render_typed(std::string& out, std::string_view name, TypedBody body,
                               const void* args, const RenderEnvironment& env) const {
  static const Value no_kwargs;
  squall::RenderSession session(env.modules);
  render_in_environment([this](const std::string& nested) { return find(nested); }, out,
                        [body, args](rt::RenderState& state) { body(state, args); }, name,
                        no_kwargs, env, session);
}

void TemplateSet::render_top(std::string& out, RenderFunction fn, std::string_view name,
                             const Value& args, const RenderEnvironment& env) const {
  squall::RenderSession session(env.modules);
  render_bound(out, fn, name, args, env, session);
}

}  // namespace squall
