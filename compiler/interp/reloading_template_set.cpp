// ReloadingTemplateSet (include/squall/reloading_template_set.hpp): an interp::TemplateSet
// rebuilt whenever a file it was built from changes on disk.
#include "squall/reloading_template_set.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>

#include "diag/python_repr.hpp"
#include "interp/interpreter.hpp"
#include "interp/module_folders.hpp"
#include "sema/escape_choice.hpp"
#include "sema/template_loader.hpp"
#include "source/template_files.hpp"
#include "squall/error.hpp"

namespace squall {

namespace fs = std::filesystem;

namespace {

// Stamp is what tells a file changed: its modification time and size (an editor saving
// twice within the clock's resolution still changes one of them most of the time).
struct Stamp {
  fs::file_time_type time{};
  std::uintmax_t size = 0;
  bool exists = false;
  bool operator==(const Stamp&) const = default;
};

Stamp stamp(const fs::path& p) {
  std::error_code ec;
  Stamp s;
  s.time = fs::last_write_time(p, ec);
  if (ec) return {};
  s.size = fs::file_size(p, ec);
  s.exists = !ec;
  return s;
}

}  // namespace

struct ReloadingTemplateSet::Impl {
  std::string root;
  ReloadingOptions options;
  std::recursive_mutex mutex;
  std::unique_ptr<interp::TemplateSet> set;
  std::shared_ptr<squall::ModuleRegistry> folder_modules;
  std::map<std::string, Stamp> watched;  // every file the cached templates were built from
  int reloads = 0;

  void build();
  bool stale() const;
  bool exists(const std::string& name) const {
    return !name.empty() && !front::is_outside_root(front::normalize_template_path(name)) &&
           fs::is_regular_file(fs::path(root) / name);
  }
  interp::TemplateSet& fresh(std::string_view name, const RenderEnvironment& env);
};

void ReloadingTemplateSet::Impl::build() {
  front::ParseOptions parse;
  if (!options.whitespace.empty())
    parse.whitespace = front::parse_whitespace_mode(options.whitespace);
  interp::Options o;
  o.autoescape = front::autoescape_option(options.autoescape);
  watched.clear();
  folder_modules = std::make_shared<squall::ModuleRegistry>();
  if (!options.modules.empty()) {
    front::DiagnosticEngine diags;
    const auto folders =
        interp::add_module_folders(*folder_modules, options.modules, parse, o, diags);
    if (!folders)
      throw Error("TemplateSyntaxError", diags.diagnostics().empty()
                                             ? "module folders do not load"
                                             : front::format_diagnostic(diags.diagnostics()[0]));
    o.known_modules = std::make_shared<front::KnownModules>(front::known_modules(*folders, {}));
    for (const auto& e : fs::recursive_directory_iterator(options.modules))
      watched[e.path().string()] = stamp(e.path());
  }
  set = std::make_unique<interp::TemplateSet>(std::make_unique<front::FolderLoader>(root, parse),
                                              std::move(o));
}

bool ReloadingTemplateSet::Impl::stale() const {
  return std::any_of(watched.begin(), watched.end(),
                     [](const auto& w) { return stamp(w.first) != w.second; });
}

interp::TemplateSet& ReloadingTemplateSet::Impl::fresh(std::string_view name,
                                                       const RenderEnvironment& env) {
  if (!set || stale()) {
    if (set) ++reloads;
    build();
  }
  const std::string n(name);
  const fs::path file = fs::path(root) / n;
  if (!exists(n)) throw Error("KeyError", front::python_str_repr(n));
  front::DiagnosticEngine diags;
  const front::Unit* unit = set->compile(n, diags);
  if (!unit) {
    for (const auto& d : diags.diagnostics()) {
      if (d.file && !d.file->path().empty())
        watched.try_emplace(d.file->path(), stamp(d.file->path()));
    }
    watched.try_emplace(file.string(), stamp(file));
    std::string first = "template does not compile";
    for (const auto& d : diags.diagnostics()) {
      if (d.severity == front::Severity::Error) {
        first = front::format_diagnostic(d);
        break;
      }
    }
    // The loader reports a file's errors once: start afresh next time.
    set.reset();
    throw Error("TemplateSyntaxError", first.substr(0, first.find('\n')));
  }
  for (const auto& t : unit->files) {
    if (!t->file->path().empty()) watched.try_emplace(t->file->path(), stamp(t->file->path()));
  }
  // Per-render settings, as the compiled set takes them from the environment.
  interp::Options& o = set->options();
  o.names = env.names ? *env.names : squall::Namespace();
  o.import_modules = env.import_modules ? *env.import_modules : squall::Namespace();
  o.quote = env.quote;
  o.static_url = env.static_url;
  o.modules = env.modules ? std::shared_ptr<const squall::ModuleRegistry>(std::shared_ptr<void>(),
                                                                          env.modules)  // not owned
                          : folder_modules;
  return *set;
}

ReloadingTemplateSet::ReloadingTemplateSet(std::string root, ReloadingOptions options)
    : impl_(std::make_unique<Impl>()) {
  if (!fs::is_directory(root)) throw Error("OSError", "no such template folder: " + root);
  impl_->root = std::move(root);
  impl_->options = std::move(options);
}

ReloadingTemplateSet::~ReloadingTemplateSet() = default;

std::string ReloadingTemplateSet::render(std::string_view name, const Value& args,
                                         const RenderEnvironment& env) const {
  std::string out;
  render_to(out, name, args, env);
  return out;
}

void ReloadingTemplateSet::render_to(std::string& out, std::string_view name, const Value& args,
                                     const RenderEnvironment& env) const {
  std::lock_guard lock(impl_->mutex);
  impl_->fresh(name, env).render_to(out, std::string(name), args);
}

void ReloadingTemplateSet::render_to(std::string& out, std::string_view name, const Value& args,
                                     const RenderEnvironment& env,
                                     squall::RenderSession& session) const {
  std::lock_guard lock(impl_->mutex);
  impl_->fresh(name, env).render_to(out, std::string(name), args, session);
}

std::string ReloadingTemplateSet::render_page(std::string_view name, const Value& args,
                                              const RenderEnvironment& env) const {
  std::lock_guard lock(impl_->mutex);
  return impl_->fresh(name, env).render_page(std::string(name), args);
}

std::string ReloadingTemplateSet::render_page(std::string_view name, const Value& args,
                                              const RenderEnvironment& env,
                                              squall::RenderSession& session) const {
  std::lock_guard lock(impl_->mutex);
  return impl_->fresh(name, env).render_page(std::string(name), args, session);
}

bool ReloadingTemplateSet::contains(std::string_view name) const {
  return impl_->exists(std::string(name));
}

std::vector<std::string> ReloadingTemplateSet::names() const {
  std::error_code ec;
  std::vector<std::string> out;
  for (std::string& name : front::template_names(impl_->root, ec))
    if (!name.ends_with(".json")) out.push_back(std::move(name));
  if (ec) throw fs::filesystem_error("cannot list the templates", impl_->root, ec);
  return out;
}

int ReloadingTemplateSet::reloads() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->reloads;
}

}  // namespace squall
