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

TemplateSet::TemplateSet(std::unique_ptr<front::TemplateProvider> provider, Options options)
    : provider_(std::move(provider)), options_(std::move(options)) {}

TemplateSet::~TemplateSet() = default;

void TemplateSet::reset() {
  units_.clear();
}

const front::Unit* TemplateSet::compile(const std::string& name, front::DiagnosticEngine& diags) {
  const std::string resolved = provider_->resolve(name, "");
  const auto found = units_.find(resolved);
  if (found != units_.end()) return found->second.get();
  auto unit = front::build_unit(*provider_, resolved, diags);
  if (!unit || diags.has_errors()) return nullptr;
  return units_.emplace(resolved, std::move(unit)).first->second.get();
}

const front::Unit& TemplateSet::unit_or_throw(const std::string& name) {
  front::DiagnosticEngine diags;
  const front::Unit* unit = compile(name, diags);
  if (!unit) throw CompileError(diags.diagnostics());
  return *unit;
}

std::string TemplateSet::render(const std::string& name, const Value& kwargs) {
  render::RenderSession session(options_.modules.get(),
                                [this](const std::string& n, const Value& kw,
                                       render::RenderSession& s) { return render_in(n, kw, s); });
  return render_in(name, kwargs, session);
}

std::string TemplateSet::render_in(const std::string& name, const Value& kwargs,
                                   render::RenderSession& session) {
  const front::Unit& unit = unit_or_throw(name);
  render::Globals globals(unit.name, kwargs, &options_.names, &session, options_.quote);
  session.globals = &globals;
  std::optional<std::string_view> escape;
  if (options_.autoescape) escape = *options_.autoescape;
  Interpreter interpreter(unit, globals, escape, &options_.import_modules);
  std::string out;
  try {
    interpreter.run(out);
  } catch (const Error&) {
    throw;
  } catch (const CompileError&) {
    throw;
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    // A bug must not take the process down: report it like a Python SystemError.
    throw Error("SystemError", e.what());
  }
  return out;
}

}  // namespace squall::interp
