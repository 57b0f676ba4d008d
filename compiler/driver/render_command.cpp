// `squall render --root DIR [--data FILE.json] [--autoescape NAME|none] [--whitespace MODE]
// [--modules DIR] [--module-names A,B] [--static DIR] (NAME | --page NAME)`: renders one
// template with the interpreter: NAME as a fragment (render_string), `--page NAME` as
// RequestHandler.render does, with the resources of the UI modules it used injected. The
// output is buffered and written only when the whole render succeeded, so a failed render
// never leaves half a page on stdout.
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "driver/commands.hpp"
#include "interp/interpreter.hpp"
#include "interp/module_folders.hpp"
#include "parse/parser.hpp"
#include "sema/escape_choice.hpp"
#include "sema/template_loader.hpp"
#include "source/read_file.hpp"
#include "squall/json.hpp"
#include "squall/static_files.hpp"

namespace squall::driver {
namespace {

namespace fs = std::filesystem;

struct RenderOptions {
  std::string root;
  std::string data;
  std::string autoescape = "xhtml_escape";
  std::string whitespace;
  std::string name;
  std::string page;
  std::string modules;
  std::vector<std::string> module_names;
  std::string static_path;
};

// kMaxDataBytes bounds the --data file, as kMaxTemplateBytes bounds a template.
constexpr std::size_t kMaxDataBytes = std::size_t{256} << 20;

// load_data reads the JSON keyword arguments; nullopt after printing why (exit 2).
std::optional<Value> load_data(const std::string& path) {
  if (path.empty()) return Value::dict();
  std::string why;
  const auto text = front::read_regular_file(path, kMaxDataBytes, why);
  if (!text) {
    std::cerr << "squall render: cannot read data file " << path << ": " << why << "\n";
    return std::nullopt;
  }
  Value data;
  try {
    data = parse_json(*text);
  } catch (const Error& e) {
    std::cerr << "squall render: " << path << ": invalid JSON: " << e.message() << "\n";
    return std::nullopt;
  }
  if (!data.is_dict()) {
    std::cerr << "squall render: " << path
              << ": the data must be a JSON object (its keys are the template's "
              << "arguments)\n";
    return std::nullopt;
  }
  return data;
}

// add_modules registers the module folders of --modules and the module set known to the
// compile-time checks; false after printing diagnostics.
bool add_modules(const RenderOptions& o, const front::ParseOptions& parse, interp::Options& options,
                 squall::ModuleRegistry& registry) {
  std::vector<front::ModuleFolder> folders;
  if (!o.modules.empty()) {
    front::DiagnosticEngine diags;
    auto loaded = interp::add_module_folders(registry, o.modules, parse, options, diags);
    for (const auto& d : diags.diagnostics()) std::cerr << front::format_diagnostic(d);
    if (!loaded) return false;
    folders = std::move(*loaded);
  }
  if (!o.modules.empty() || !o.module_names.empty()) {
    options.known_modules =
        std::make_shared<front::KnownModules>(front::known_modules(folders, o.module_names));
  }
  return true;
}

// make_template_set builds the interpreter's template set; nullopt after a usage error.
std::unique_ptr<interp::TemplateSet> make_template_set(const RenderOptions& o,
                                                       const StaticFiles* statics,
                                                       bool& modules_failed) {
  front::ParseOptions parse;
  if (!o.whitespace.empty()) {
    parse.whitespace = front::parse_whitespace_mode(o.whitespace);
    if (!parse.whitespace) {
      std::cerr << "squall render: invalid whitespace mode " << o.whitespace
                << " (all, single or oneline)\n";
      return nullptr;
    }
  }
  interp::Options options;
  options.autoescape = front::autoescape_option(o.autoescape);
  if (statics) {
    options.static_url = statics->function();
    options.names.set("static_url", statics->template_function());
  }
  auto registry = std::make_shared<squall::ModuleRegistry>();
  if (!add_modules(o, parse, options, *registry)) {
    modules_failed = true;
    return nullptr;
  }
  options.modules = registry;
  return std::make_unique<interp::TemplateSet>(std::make_unique<front::FolderLoader>(o.root, parse),
                                               std::move(options));
}

int run_render(const RenderOptions& o) {
  const std::string& name = o.page.empty() ? o.name : o.page;
  if (name.empty() || (!o.page.empty() && !o.name.empty())) {
    std::cerr << "squall render: give one template: NAME (a fragment) or --page NAME\n";
    return kExitUsage;
  }
  if (!fs::is_directory(o.root)) {
    std::cerr << "squall render: no such template folder: " << o.root << "\n";
    return kExitUsage;
  }
  {
    // The template itself must be readable (exit 2, as in check); what it includes is
    // reported as a diagnostic of the tag naming it (exit 1).
    front::FolderLoader probe(o.root);
    std::string error;
    if (!probe.source(probe.resolve(name, ""), error)) {
      std::cerr << "squall render: " << error << "\n";
      return kExitUsage;
    }
  }
  if (!o.modules.empty() && !fs::is_directory(o.modules)) {
    std::cerr << "squall render: no such module folder: " << o.modules << "\n";
    return kExitUsage;
  }
  if (!o.static_path.empty() && !fs::is_directory(o.static_path)) {
    std::cerr << "squall render: no such static folder: " << o.static_path << "\n";
    return kExitUsage;
  }
  const auto data = load_data(o.data);
  if (!data) return kExitUsage;
  std::optional<StaticFiles> statics;
  if (!o.static_path.empty()) statics.emplace(o.static_path);
  bool modules_failed = false;
  auto templates = make_template_set(o, statics ? &*statics : nullptr, modules_failed);
  if (!templates) return modules_failed ? kExitError : kExitUsage;
  std::string out;
  try {
    out = o.page.empty() ? templates->render(name, *data) : templates->render_page(name, *data);
  } catch (const interp::CompileError& e) {
    for (const auto& d : e.diagnostics()) std::cerr << front::format_diagnostic(d);
    return kExitError;
  } catch (const Error& e) {
    std::cerr << e.format() << "\n";
    return kExitError;
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return std::fflush(stdout) == 0 ? kExitOk : kExitError;
}

}  // namespace

void add_render_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<RenderOptions>();
  auto* cmd = app.add_subcommand("render", "Render a template with the interpreter");
  cmd->add_option("--root", options->root, "Template folder (Tornado's template_path)")->required();
  cmd->add_option("--data", options->data, "JSON object with the template's keyword arguments");
  cmd->add_option("--autoescape", options->autoescape, "Autoescape function name, or none")
      ->capture_default_str();
  cmd->add_option("--whitespace", options->whitespace, "Whitespace mode: all, single or oneline");
  cmd->add_option("--modules", options->modules, "Folder of UI module folders");
  cmd->add_option("--module-names", options->module_names,
                  "Names of hand-written modules, for the compile-time module check")
      ->delimiter(',')
      ->allow_extra_args(false);
  cmd->add_option("--static", options->static_path,
                  "Static folder: static_url for injected resources (/static/...?v=sha512)");
  cmd->add_option("--page", options->page,
                  "Render NAME as a page, injecting its UI modules' resources");
  cmd->add_option("name", options->name, "Template name, relative to the root (a fragment)");
  cmd->callback([options, &exit_code] { exit_code = run_render(*options); });
}

}  // namespace squall::driver
