// `squall compile --root DIR --out DIR --namespace NS [--only NAME [--depfile] | --index NAME...]`:
// writes one .cpp per template (OUT/NS/NAME.cpp), the header OUT/NS_templates.hpp and the
// registry OUT/NS_registry.cpp. The CMake function squall_add_templates() runs the --only
// and --index forms; without them everything under the root is compiled.
//
// `--modules DIR` adds the module folders under DIR: each becomes
// OUT/NS/squall_modules/NAME.cpp (its template and its UIModule registration), with
// OUT/NS_modules.hpp and OUT/NS_modules.cpp (`NS::add_modules`, `NS::modules()`); the forms
// `--only-module NAME [--depfile]` and `--module-index NAME...` write one of those. With
// --modules or --module-names, the module set is known: every `{% module %}` call of the
// templates is checked against it.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <set>

#include "codegen/compile_module.hpp"
#include "codegen/compile_typed.hpp"
#include "codegen/compile_unit.hpp"
#include "codegen/mangle.hpp"
#include "diag/diagnostics.hpp"
#include "driver/commands.hpp"
#include "driver/output_file.hpp"
#include "parse/parser.hpp"
#include "sema/escape_choice.hpp"
#include "sema/module_folders.hpp"
#include "sema/template_loader.hpp"
#include "source/template_files.hpp"

namespace squall::driver {
namespace {

namespace fs = std::filesystem;

struct CompileOptions {
  std::string root;
  std::string out;
  std::string ns = "templates";
  std::string only;
  bool depfile = false;
  std::vector<std::string> index;
  std::string autoescape;
  std::string whitespace;
  bool no_line_directives = false;
  bool no_shared_layouts = false;
  std::string modules;
  std::vector<std::string> module_names;
  std::string only_module;
  std::vector<std::string> module_index;
};

// A namespace name generated code can use: an identifier, not a keyword, and not reserved
// (no `__`; the leading character is a letter, so no `_X` either).
bool is_identifier(const std::string& s) {
  if (s.empty() || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  if (s.find("__") != std::string::npos || cg::is_cpp_keyword(s)) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
}

// Makefile syntax: spaces and `#` escaped with a backslash, `$` doubled.
std::string make_escape(const std::string& path) {
  std::string out;
  for (const char c : path) {
    if (c == ' ' || c == '#') out += '\\';
    if (c == '$') out += '$';
    out += c;
  }
  return out;
}

class Compiler {
 public:
  explicit Compiler(const CompileOptions& options) : options_(options) {
    front::ParseOptions parse;
    if (!options.whitespace.empty())
      parse.whitespace = front::parse_whitespace_mode(options.whitespace);
    if (!options.autoescape.empty())
      parse.autoescape = front::autoescape_option(options.autoescape).value_or("");
    if (!options.root.empty()) loader_ = std::make_unique<front::FolderLoader>(options.root, parse);
    if (!options.modules.empty())
      module_loader_ = std::make_unique<front::FolderLoader>(options.modules, parse);
  }

  // load_modules reads the module folders and the known module set; false after errors.
  bool load_modules() {
    front::DiagnosticEngine diags;
    auto set = front::load_module_set(options_.modules, options_.module_names, diags);
    print(diags);
    if (!set) return false;
    modules_ = std::move(*set);
    return true;
  }

  const std::vector<front::ModuleFolder>& folders() const { return modules_.folders; }

  // compile_module writes OUT/NS/squall_modules/NAME.cpp (and its depfile).
  bool compile_module(const std::string& name) {
    const front::ModuleFolder* folder = nullptr;
    for (const auto& f : modules_.folders) {
      if (f.name == name) folder = &f;
    }
    if (!folder) {
      std::cerr << "squall compile: no module folder " << name << " in " << options_.modules
                << "\n";
      return false;
    }
    const std::string cpp = options_.out + "/" + options_.ns + "/" +
                            std::string(cg::kModuleNamespace) + "/" + name + ".cpp";
    front::DiagnosticEngine diags;
    auto unit = build(*module_loader_, folder->template_name, diags);
    std::optional<std::string> text;
    if (unit) {
      text = generate(*unit, options_.ns + "::" + std::string(cg::kModuleNamespace), cpp, diags);
      if (text) *text += cg::compile_module(*folder, options_.ns);
    }
    print(diags);
    if (!text) return false;
    if (!write(cpp, *text)) return false;
    return !options_.depfile || write(cpp + ".d", depfile(cpp, *unit, folder->inputs));
  }

  bool write_module_index(const std::vector<std::string>& names) {
    const std::string base = options_.out + "/" + options_.ns;
    return write(base + "_modules.hpp", cg::compile_modules_header(options_.ns)) &&
           write(base + "_modules.cpp", cg::compile_modules_registry(options_.ns, names));
  }

  // compile_one writes OUT/NS/NAME.cpp (and its depfile); false after printing errors.
  bool compile_one(const std::string& name) {
    front::DiagnosticEngine diags;
    auto unit = build(*loader_, name, diags);
    std::optional<std::string> text;
    const std::string cpp = options_.out + "/" + options_.ns + "/" + name + ".cpp";
    const std::string hpp = options_.out + "/" + options_.ns + "/" + cg::typed_header_name(name);
    if (unit) text = generate(*unit, options_.ns, cpp, diags, loader_.get());
    print(diags);
    if (!text) {
      // A stale .cpp from an earlier successful compile must not be built as if current.
      remove_output(cpp);
      remove_output(cpp + ".d");
      remove_output(hpp);
      return false;
    }
    // The typed entry point's header (docs/typed-templates.md), written for every template
    // so the build knows its outputs in advance.
    if (!write(hpp, cg::compile_typed_header(*unit, options_.ns))) return false;
    if (!write(cpp, *text)) return false;
    // The module check read every module.json: a changed signature rechecks the calls.
    std::vector<std::string> inputs;
    for (const auto& f : modules_.folders) {
      for (const auto& path : f.inputs) {
        if (path.ends_with("module.json")) inputs.push_back(path);
      }
    }
    return !options_.depfile || write(cpp + ".d", depfile(cpp, *unit, inputs));
  }

  // remove_index removes the header and registry, so a failed full compile leaves no set
  // that looks complete.
  void remove_index() {
    const std::string base = options_.out + "/" + options_.ns;
    remove_output(base + "_templates.hpp");
    remove_output(base + "_registry.cpp");
  }

  bool write_failed() const { return write_failed_; }

  bool write_index(const std::vector<std::string>& names) {
    const std::string base = options_.out + "/" + options_.ns;
    return write(base + "_templates.hpp", cg::compile_header(options_.ns)) &&
           write(base + "_registry.cpp", cg::compile_registry(options_.ns, names));
  }

 private:
  // build builds the unit of `name` and checks its module calls when the set is known;
  // null after errors.
  std::unique_ptr<front::Unit> build(front::FolderLoader& loader, const std::string& name,
                                     front::DiagnosticEngine& diags) {
    auto unit = front::build_unit(loader, name, diags);
    if (unit && modules_.known) front::check_module_calls(*unit, *modules_.known, diags);
    if (!unit || diags.has_errors()) return nullptr;
    return unit;
  }

  // generate compiles `unit`; `set` is the loader of the template set it belongs to, whose
  // layouts it may call, and whose templates also get their typed render function and entry
  // point when they declare argument types (null for a module folder's template: module
  // folders are compiled on their own, so their templates are flattened and untyped).
  std::optional<std::string> generate(const front::Unit& unit, const std::string& ns,
                                      const std::string& cpp, front::DiagnosticEngine& diags,
                                      front::FolderLoader* set = nullptr) {
    cg::CompileOptions cg;
    cg.ns = ns;
    cg.line_directives = !options_.no_line_directives;
    cg.output_name = cpp;
    cg.share_layouts = set != nullptr && !options_.no_shared_layouts;
    const auto layout = set ? cg::choose_layout(unit, *set, cg) : front::LayoutChoice{};
    return set ? cg::compile_typed_unit(unit, cg, diags, layout)
               : cg::compile_unit(unit, cg, diags, layout);
  }

  std::string depfile(const std::string& cpp, const front::Unit& unit,
                      const std::vector<std::string>& extra) const {
    std::string text = make_escape(fs::absolute(cpp).lexically_normal().string()) + ":";
    std::set<std::string> seen;
    for (const auto& file : unit.files) {
      const std::string path = fs::absolute(file->file->path()).lexically_normal().string();
      if (seen.insert(path).second) text += " \\\n  " + make_escape(path);
    }
    for (const auto& path : extra) {
      if (seen.insert(path).second) text += " \\\n  " + make_escape(path);
    }
    return text + "\n";
  }

  bool write(const std::string& path, const std::string& text) {
    std::string error;
    if (write_if_changed(path, text, error) != WriteResult::Failed) return true;
    std::cerr << "squall compile: " << error << "\n";
    write_failed_ = true;
    return false;
  }

  static void remove_output(const std::string& path) {
    std::error_code ec;
    fs::remove(path, ec);
  }

  void print(const front::DiagnosticEngine& diags) {
    for (const auto& d : diags.diagnostics()) {
      std::string text = front::format_diagnostic(d);
      if (printed_.insert(text).second) std::cerr << text;
    }
  }

  const CompileOptions& options_;
  std::unique_ptr<front::FolderLoader> loader_;
  std::unique_ptr<front::FolderLoader> module_loader_;
  front::ModuleSet modules_;
  std::set<std::string> printed_;
  bool write_failed_ = false;  // an output could not be written: exit 2, not 1
};

// check_options prints why the options cannot work; false then.
bool check_options(const CompileOptions& options) {
  if (!is_identifier(options.ns)) {
    std::cerr << "squall compile: --namespace '" << options.ns
              << "' is not a C++ identifier usable as a namespace (a letter first, not a "
                 "keyword, no '__')\n";
    return false;
  }
  if (options.root.empty() && options.modules.empty()) {
    std::cerr << "squall compile: give --root (templates), --modules (module folders) or both\n";
    return false;
  }
  if (!options.root.empty() && !fs::is_directory(options.root)) {
    std::cerr << "squall compile: --root is not a directory: " << options.root << "\n";
    return false;
  }
  if (!options.modules.empty() && !fs::is_directory(options.modules)) {
    std::cerr << "squall compile: --modules is not a directory: " << options.modules << "\n";
    return false;
  }
  if ((!options.only.empty() || !options.index.empty()) && options.root.empty()) {
    std::cerr << "squall compile: --only and --index need --root\n";
    return false;
  }
  if ((!options.only_module.empty() || !options.module_index.empty()) && options.modules.empty()) {
    std::cerr << "squall compile: --only-module and --module-index need --modules\n";
    return false;
  }
  if (options.depfile && options.only.empty() && options.only_module.empty()) {
    std::cerr << "squall compile: --depfile needs --only or --only-module (one output)\n";
    return false;
  }
  if (!options.whitespace.empty() && !front::parse_whitespace_mode(options.whitespace)) {
    std::cerr << "squall compile: invalid --whitespace mode '" << options.whitespace << "'\n";
    return false;
  }
  return true;
}

// compile_all compiles every template under the root and every module folder. A failed
// template removes the set's header and registry, so no set looks complete.
bool compile_all(const CompileOptions& options, Compiler& compiler, bool& usage_error) {
  bool ok = true;
  if (!options.root.empty()) {
    std::error_code ec;
    const auto names = front::template_names(options.root, ec);
    if (ec) {
      std::cerr << "squall compile: cannot read " << options.root << ": " << ec.message() << "\n";
      usage_error = true;
      return false;
    }
    for (const auto& name : names) ok = compiler.compile_one(name) && ok;
    if (!ok) {
      compiler.remove_index();
    } else {
      ok = compiler.write_index(names);
    }
  }
  if (!options.modules.empty()) {
    std::vector<std::string> names;
    for (const auto& f : compiler.folders()) {
      ok = compiler.compile_module(f.name) && ok;
      names.push_back(f.name);
    }
    ok = ok && compiler.write_module_index(names);
  }
  return ok;
}

int run_compile(const CompileOptions& options) {
  if (!check_options(options)) return kExitUsage;
  remove_temporaries_on_signals();
  Compiler compiler(options);
  // An output that could not be written is the environment's fault: exit 2, not 1.
  const auto exit_code = [&compiler](bool ok) {
    return ok ? kExitOk : compiler.write_failed() ? kExitUsage : kExitError;
  };
  if (!options.module_index.empty()) {
    std::vector<std::string> names = options.module_index;
    std::sort(names.begin(), names.end());
    return exit_code(compiler.write_module_index(names));
  }
  if (!options.index.empty()) {
    std::vector<std::string> names = options.index;
    std::sort(names.begin(), names.end());
    return exit_code(compiler.write_index(names));
  }
  if (!compiler.load_modules()) return kExitError;
  if (!options.only_module.empty()) return exit_code(compiler.compile_module(options.only_module));
  if (!options.only.empty()) return exit_code(compiler.compile_one(options.only));
  bool usage_error = false;
  const bool ok = compile_all(options, compiler, usage_error);
  return usage_error ? kExitUsage : exit_code(ok);
}

}  // namespace

void add_compile_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<CompileOptions>();
  auto* cmd = app.add_subcommand("compile", "Compile templates to C++");
  cmd->add_option("--root", options->root, "Template root folder");
  cmd->add_option("--out", options->out, "Output folder")->required();
  cmd->add_option("--namespace", options->ns, "C++ namespace of the template set");
  auto* only =
      cmd->add_option("--only", options->only, "Compile just this template (name under the root)");
  cmd->add_option("--modules", options->modules, "Folder of UI module folders");
  cmd->add_option("--module-names", options->module_names,
                  "Names of hand-written modules, for the module-call check")
      ->delimiter(',')
      ->allow_extra_args(false);
  auto* only_module =
      cmd->add_option("--only-module", options->only_module, "Compile just this module folder")
          ->excludes(only);
  cmd->add_flag("--depfile", options->depfile,
                "With --only or --only-module: also write the output's .d file");
  cmd->add_option("--index", options->index, "Write only the header and registry for these names")
      ->excludes(only)
      ->excludes(only_module);
  cmd->add_option("--module-index", options->module_index,
                  "Write only NS_modules.hpp and NS_modules.cpp for these module names")
      ->excludes(only)
      ->excludes(only_module);
  cmd->add_option("--autoescape", options->autoescape,
                  "Escape function for templates without {% autoescape %} (None: off)");
  cmd->add_option("--whitespace", options->whitespace,
                  "Default whitespace mode: all, single, oneline");
  cmd->add_flag("--no-line-directives", options->no_line_directives,
                "Do not write #line directives");
  cmd->add_flag("--no-shared-layouts", options->no_shared_layouts,
                "Flatten every page with its layout (one function, as Tornado) instead of "
                "calling the layout's body; the same for every file of a set");
  cmd->callback([options, &exit_code] { exit_code = run_compile(*options); });
}

}  // namespace squall::driver
