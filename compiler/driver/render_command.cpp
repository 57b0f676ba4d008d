// `squall render --root DIR [--data FILE.json] [--autoescape NAME|none] [--whitespace MODE]
// NAME`: renders one template with the interpreter. The output is buffered and written only
// when the whole render succeeded, so a failed render never leaves half a page on stdout.
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "driver/commands.hpp"
#include "interp/interpreter.hpp"
#include "parse/parser.hpp"
#include "sema/template_loader.hpp"
#include "source/read_file.hpp"
#include "squall/json.hpp"

namespace squall::driver {
namespace {

namespace fs = std::filesystem;

struct RenderOptions {
  std::string root;
  std::string data;
  std::string autoescape = "xhtml_escape";
  std::string whitespace;
  std::string name;
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

// make_template_set builds the interpreter's template set; nullopt after a usage error.
std::unique_ptr<interp::TemplateSet> make_template_set(const RenderOptions& o) {
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
  if (o.autoescape == "none" || o.autoescape == "None") {
    options.autoescape.reset();
  } else {
    options.autoescape = o.autoescape;
  }
  options.modules = std::make_shared<render::ModuleRegistry>();
  return std::make_unique<interp::TemplateSet>(std::make_unique<front::FolderLoader>(o.root, parse),
                                               std::move(options));
}

int run_render(const RenderOptions& o) {
  if (!fs::is_directory(o.root)) {
    std::cerr << "squall render: no such template folder: " << o.root << "\n";
    return kExitUsage;
  }
  {
    // The template itself must be readable (exit 2, as in check); what it includes is
    // reported as a diagnostic of the tag naming it (exit 1).
    front::FolderLoader probe(o.root);
    std::string error;
    if (!probe.source(probe.resolve(o.name, ""), error)) {
      std::cerr << "squall render: " << error << "\n";
      return kExitUsage;
    }
  }
  const auto data = load_data(o.data);
  if (!data) return kExitUsage;
  auto templates = make_template_set(o);
  if (!templates) return kExitUsage;
  std::string out;
  try {
    out = templates->render(o.name, *data);
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
  cmd->add_option("name", options->name, "Template name, relative to the root")->required();
  cmd->callback([options, &exit_code] { exit_code = run_render(*options); });
}

}  // namespace squall::driver
