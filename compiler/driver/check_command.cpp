// `squall check [--root DIR] [--modules DIR] [--module-names A,B] [--dump-ast]
// [--strict [--names A,B]] PATH...`: parse and check templates; --strict also warns about
// names nothing provides (sema/strict_names.hpp); with a module set, `{% module %}` calls
// are checked as `squall compile` checks them, and each module folder's template too.
#include <algorithm>
#include <filesystem>
#include <iostream>

#include <set>

#include "ast/ast_dump.hpp"
#include "diag/diagnostics.hpp"
#include "driver/commands.hpp"
#include "driver/input_files.hpp"
#include "parse/parser.hpp"
#include "sema/check.hpp"
#include "sema/known_modules.hpp"
#include "sema/module_folders.hpp"
#include "sema/strict_names.hpp"
#include "sema/template_loader.hpp"
#include "sema/typed_args.hpp"
#include "source/read_file.hpp"

namespace squall::driver {
namespace {

namespace fs = std::filesystem;

struct CheckOptions {
  std::vector<std::string> paths;
  std::string root;
  bool dump_ast = false;
  bool strict = false;
  std::vector<std::string> names;         // registered names, for --strict
  std::string modules;                    // folder of UI module folders
  std::vector<std::string> module_names;  // hand-written modules
};

// name_in_root is the name Tornado's loader would give the file: its path relative to the
// root, or nullopt when there is no root or the file is not inside it.
std::optional<std::string> name_in_root(const fs::path& file, const std::string& root) {
  if (root.empty()) return std::nullopt;
  std::error_code ec;
  const fs::path relative =
      fs::relative(fs::weakly_canonical(file, ec), fs::weakly_canonical(root, ec), ec);
  if (ec || relative.empty() || *relative.begin() == ".." || relative.is_absolute())
    return std::nullopt;
  return relative.generic_string();
}

// Checker runs the checks on one file after another, printing each distinct diagnostic
// once (a broken file included from many templates is reported once).
class Checker {
 public:
  explicit Checker(const CheckOptions& options) : options_(options) {
    if (!options.root.empty()) loader_.emplace(options.root);
    if (!options.modules.empty()) module_loader_.emplace(options.modules);
  }

  // load_modules reads the module folders (printing their errors) and makes the known
  // module set; false when a folder is invalid. Nothing to do without a module set.
  bool load_modules() {
    front::DiagnosticEngine diags;
    auto set = front::load_module_set(options_.modules, options_.module_names, diags);
    print(diags);
    if (!set) return false;
    modules_ = std::move(*set);
    return true;
  }

  // check_module_templates checks every module folder's template (what `squall compile
  // --modules` compiles); false when one cannot be read.
  bool check_module_templates() {
    bool readable = true;
    for (const front::ModuleFolder& folder : modules_.folders) {
      front::DiagnosticEngine diags;
      readable = check_in(*module_loader_, folder.template_name, diags).has_value() && readable;
      print(diags);
    }
    return readable;
  }

  // check returns false when the file cannot be read (a usage error).
  bool check(const fs::path& path) {
    front::DiagnosticEngine diags;
    const auto name = name_in_root(path, options_.root);
    auto parsed = name ? check_in(*loader_, *name, diags) : check_alone(path, diags);
    if (!parsed) return false;
    if (*parsed && options_.dump_ast) std::cout << front::dump_template(**parsed);
    print(diags);
    return true;
  }

  bool errors() const { return errors_; }

 private:
  using Parsed = std::optional<std::unique_ptr<front::Template>>;

  // check_in checks template `name` of `loader` (the root's or the module folders') with
  // the templates it extends and includes; nullopt when it cannot be read.
  Parsed check_in(front::FolderLoader& loader, const std::string& name,
                  front::DiagnosticEngine& diags) {
    std::string error;
    if (!loader.source(name, error)) return unreadable(error);
    auto parsed = front::check_template(loader, name, diags);
    if (parsed) check_unit(loader, name, diags);
    return parsed;
  }

  // check_unit runs the checks that need the whole template (its layouts and includes):
  // --strict names and module calls. check_template built the unit and reported its
  // errors; it is built again, its errors already known.
  void check_unit(front::FolderLoader& loader, const std::string& name,
                  front::DiagnosticEngine& diags) {
    if (!options_.strict && !modules_.known) return;
    front::DiagnosticEngine again;
    auto unit = front::build_unit(loader, name, again);
    if (!unit) return;
    if (options_.strict) front::check_strict_names(*unit, options_.names, diags);
    if (modules_.known) front::check_module_calls(*unit, *modules_.known, diags);
  }

  // check_alone checks a file outside --root: parsed on its own, extends/include unchecked.
  Parsed check_alone(const fs::path& path, front::DiagnosticEngine& diags) {
    std::string why;
    auto text = front::read_regular_file(path.string(), front::kMaxTemplateBytes, why);
    if (!text) return unreadable("cannot read " + path.string() + ": " + why);
    auto file = std::make_shared<const front::SourceFile>(path.generic_string(), std::move(*text),
                                                          path.string());
    auto t = front::parse_template(file, {}, diags);
    if (!t) return std::unique_ptr<front::Template>();
    front::check_imports(*t, diags);
    front::read_typed_args(*t, diags);
    if (modules_.known) front::check_module_calls(*t, *modules_.known, diags);
    return std::make_unique<front::Template>(std::move(*t));
  }

  Parsed unreadable(const std::string& error) {
    std::cerr << "squall check: " << error << "\n";
    return std::nullopt;
  }

  void print(const front::DiagnosticEngine& diags) {
    for (const front::Diagnostic& d : diags.diagnostics()) {
      std::string text = front::format_diagnostic(d);
      if (!printed_.insert(text).second) continue;
      std::cerr << text;
      errors_ = errors_ || d.severity == front::Severity::Error;
    }
  }

  const CheckOptions& options_;
  std::optional<front::FolderLoader> loader_, module_loader_;
  front::ModuleSet modules_;
  std::set<std::string> printed_;
  bool errors_ = false;
};

int run_check(const CheckOptions& options) {
  std::vector<fs::path> files;
  if (!collect_files("check", options.paths, files)) return kExitUsage;
  if (options.strict && options.root.empty()) {
    std::cerr << "squall check: --strict needs --root (names are resolved over the whole "
                 "template, its extends and includes)\n";
    return kExitUsage;
  }
  if (!options.root.empty() && !fs::is_directory(options.root)) {
    std::cerr << "squall check: --root is not a directory: " << options.root << "\n";
    return kExitUsage;
  }
  if (!options.modules.empty() && !fs::is_directory(options.modules)) {
    std::cerr << "squall check: --modules is not a directory: " << options.modules << "\n";
    return kExitUsage;
  }
  if (options.paths.empty() && options.modules.empty()) {
    std::cerr << "squall check: give the templates to check (files or folders), or --modules\n";
    return kExitUsage;
  }
  Checker checker(options);
  if (!checker.load_modules()) return kExitError;
  bool unreadable = false;
  for (const fs::path& path : files) unreadable = !checker.check(path) || unreadable;
  unreadable = !checker.check_module_templates() || unreadable;
  if (unreadable) return kExitUsage;
  return checker.errors() ? kExitError : kExitOk;
}

}  // namespace

void add_check_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<CheckOptions>();
  auto* cmd =
      app.add_subcommand("check", "Parse and check templates (files, or folders recursively)");
  cmd->add_option("paths", options->paths, "Template files or folders (optional with --modules)");
  cmd->add_option("--root", options->root, "Template root: resolve extends/include against it");
  cmd->add_flag("--dump-ast", options->dump_ast, "Print each template's syntax tree to stdout");
  cmd->add_flag("--strict", options->strict,
                "Warn about names that are not declared arguments, locals or known names "
                "(needs --root)");
  cmd->add_option("--names", options->names,
                  "With --strict: names the program registers, comma-separated")
      ->delimiter(',')
      ->allow_extra_args(false);
  cmd->add_option("--modules", options->modules,
                  "Folder of UI module folders: check {% module %} calls and the modules");
  cmd->add_option("--module-names", options->module_names,
                  "Hand-written UI modules the program registers, comma-separated")
      ->delimiter(',')
      ->allow_extra_args(false);
  cmd->callback([options, &exit_code] { exit_code = run_check(*options); });
}

}  // namespace squall::driver
