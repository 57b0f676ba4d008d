// TemplateSet: unit cache, render sessions, and the Template module's nested renders.
#include "interp/interpreter.hpp"
#include "interp/interpreter_impl.hpp"

namespace squall::interp {

namespace {

std::string first_message(const std::vector<front::Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics) {
    if (d.severity == front::Severity::Error) return front::format_diagnostic(d);
  }
  return "template does not compile";
}

}  // namespace

CompileError::CompileError(std::vector<front::Diagnostic> diagnostics)
    : diagnostics_(std::move(diagnostics)), what_(first_message(diagnostics_)) {}

struct TemplateSet::Compiled {
  std::unique_ptr<front::Unit> unit;
  std::unique_ptr<UnitPlan> plan;
};

TemplateSet::TemplateSet(std::unique_ptr<front::TemplateProvider> provider, Options options)
    : provider_(std::move(provider)), options_(std::move(options)) {}

TemplateSet::~TemplateSet() = default;

void TemplateSet::reset() {
  by_name_.clear();
  units_.clear();
}

TemplateSet::Compiled* TemplateSet::find_compiled(const std::string& name,
                                                  front::DiagnosticEngine& diags) {
  const auto known = by_name_.find(name);
  if (known != by_name_.end()) return known->second;
  const std::string resolved = provider_->resolve(name, "");
  auto found = units_.find(resolved);
  if (found == units_.end()) {
    auto unit = front::build_unit(*provider_, resolved, diags);
    if (unit && options_.known_modules)
      front::check_module_calls(*unit, *options_.known_modules, diags);
    if (!unit || diags.has_errors()) return nullptr;
    auto compiled = std::make_unique<Compiled>();
    compiled->plan = plan_unit(*unit);
    compiled->unit = std::move(unit);
    found = units_.emplace(resolved, std::move(compiled)).first;
  }
  by_name_.emplace(name, found->second.get());
  return found->second.get();
}

const front::Unit* TemplateSet::compile(const std::string& name, front::DiagnosticEngine& diags) {
  Compiled* c = find_compiled(name, diags);
  return c ? c->unit.get() : nullptr;
}

TemplateSet::Compiled& TemplateSet::compiled_or_throw(const std::string& name) {
  const auto known = by_name_.find(name);
  if (known != by_name_.end()) return *known->second;
  front::DiagnosticEngine diags;
  Compiled* c = find_compiled(name, diags);
  if (!c) throw CompileError(diags.diagnostics());
  return *c;
}

std::string TemplateSet::render(const std::string& name, const Value& kwargs) {
  std::string out;
  render_to(out, name, kwargs);
  return out;
}

void TemplateSet::render_to(std::string& out, const std::string& name, const Value& kwargs) {
  squall::RenderSession session(options_.modules.get());
  render_to(out, name, kwargs, session);
}

void TemplateSet::render_to(std::string& out, const std::string& name, const Value& kwargs,
                            squall::RenderSession& session) {
  const auto nested_render = [this](const std::string& n, const Value& kw,
                                    squall::RenderSession& s) {
    std::string nested;
    render_in(nested, n, kw, s, &options_.names);
    return nested;
  };
  squall::RenderSession::Bind bind(
      session, {nested_render, &options_.names, &options_.import_modules, options_.quote});
  limits::Scope scope(&options_.limits);
  render_in(out, name, kwargs, session, &options_.names);
}

std::string TemplateSet::render_page(const std::string& name, const Value& kwargs) {
  squall::RenderSession session(options_.modules.get());
  return render_page(name, kwargs, session);
}

std::string TemplateSet::render_page(const std::string& name, const Value& kwargs,
                                     squall::RenderSession& session) {
  std::string out;
  render_to(out, name, kwargs, session);
  inject_resources(out, session.resources(), options_.static_url);
  return out;
}

std::string TemplateSet::render_nested(const std::string& name, const Value& kwargs,
                                       squall::RenderSession& session) {
  std::string out;
  render_in(out, name, kwargs, session, session.binding().names);
  return out;
}

void TemplateSet::render_in(std::string& out, const std::string& name, const Value& kwargs,
                            squall::RenderSession& session, const squall::Namespace* names) {
  Compiled& compiled = compiled_or_throw(name);
  const front::Unit& unit = *compiled.unit;
  UnitPlan& plan = *compiled.plan;
  render::Globals globals(unit.name, kwargs, names, &session, options_.quote);
  const render::Globals* outer = session.globals;
  session.globals = &globals;
  struct RestoreGlobals {
    squall::RenderSession& s;
    const render::Globals* outer;
    ~RestoreGlobals() { s.globals = outer; }
  } restore_globals{session, outer};
  std::optional<std::string_view> escape;
  if (options_.autoescape) escape = *options_.autoescape;
  // Working memory from the pool (a nested render for a UI module takes another one).
  std::unique_ptr<Frame> frame;
  if (free_frames_.empty()) {
    frame = std::make_unique<Frame>();
  } else {
    frame = std::move(free_frames_.back());
    free_frames_.pop_back();
  }
  struct ReturnFrame {
    std::vector<std::unique_ptr<Frame>>& pool;
    std::unique_ptr<Frame>& frame;
    ~ReturnFrame() { pool.push_back(std::move(frame)); }
  } return_frame{free_frames_, frame};
  // Size the output from the last render of this unit: one allocation instead of a
  // doubling series.
  const std::size_t start = out.size();
  if (plan.output_estimate > 0)
    out.reserve(start + plan.output_estimate + plan.output_estimate / 8);
  {
    Interpreter interpreter(unit, plan, *frame, globals, escape, &options_.import_modules);
    try {
      interpreter.run(out);
    } catch (const CompileError&) {
      throw;
    } catch (...) {
      // The compiled TemplateSet's policy: anything else leaves as a squall::Error.
      rethrow_as_error();
    }
  }
  plan.output_estimate = out.size() - start;
}

}  // namespace squall::interp
