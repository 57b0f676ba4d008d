// `squall compile --root DIR --out DIR --namespace NS [--only NAME [--depfile] | --index NAME...]`:
// writes one .cpp per template (OUT/NS/NAME.cpp), the header OUT/NS_templates.hpp and the
// registry OUT/NS_registry.cpp. The CMake function squall_add_templates() runs the --only
// and --index forms; without them everything under the root is compiled.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <set>

#include "codegen/compile_unit.hpp"
#include "diag/diagnostics.hpp"
#include "driver/commands.hpp"
#include "driver/output_file.hpp"
#include "parse/parser.hpp"
#include "sema/template_loader.hpp"

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
};

bool is_cpp_keyword(const std::string& s) {
  static const std::set<std::string, std::less<>> keywords = {
      "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break",
      "case", "catch", "char", "char8_t", "char16_t", "char32_t", "class", "compl", "concept",
      "const", "consteval", "constexpr", "constinit", "const_cast", "continue", "co_await",
      "co_return", "co_yield", "decltype", "default", "delete", "do", "double", "dynamic_cast",
      "else", "enum", "explicit", "export", "extern", "false", "float", "for", "friend", "goto",
      "if", "inline", "int", "long", "mutable", "namespace", "new", "noexcept", "not", "not_eq",
      "nullptr", "operator", "or", "or_eq", "private", "protected", "public", "register",
      "reinterpret_cast", "requires", "return", "short", "signed", "sizeof", "static",
      "static_assert", "static_cast", "struct", "switch", "template", "this", "thread_local",
      "throw", "true", "try", "typedef", "typeid", "typename", "union", "unsigned", "using",
      "virtual", "void", "volatile", "wchar_t", "while", "xor", "xor_eq",
      // Not keywords, but a template set must not reopen these.
      "std", "squall"};
  return keywords.count(s) > 0;
}

// A namespace name generated code can use: an identifier, not a keyword, and not reserved
// (no `__`; the leading character is a letter, so no `_X` either).
bool is_identifier(const std::string& s) {
  if (s.empty() || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  if (s.find("__") != std::string::npos || is_cpp_keyword(s)) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
}

// Every file under `root` whose path has no hidden component, as `/`-separated names,
// sorted (the order squall_add_templates() lists them in).
std::vector<std::string> list_templates(const std::string& root, std::string& error) {
  std::vector<std::string> names;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->path().filename().string().starts_with(".")) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec))
      names.push_back(fs::relative(it->path(), root, ec).generic_string());
  }
  if (ec) error = "cannot read " + root + ": " + ec.message();
  std::sort(names.begin(), names.end());
  return names;
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
    if (!options.autoescape.empty()) {
      parse.autoescape = options.autoescape == "None" ? std::string() : options.autoescape;
    }
    loader_ = std::make_unique<front::FolderLoader>(options.root, parse);
  }

  // compile_one writes OUT/NS/NAME.cpp (and its depfile); false after printing errors.
  bool compile_one(const std::string& name) {
    front::DiagnosticEngine diags;
    auto unit = front::build_unit(*loader_, name, diags);
    std::optional<std::string> text;
    const std::string cpp = options_.out + "/" + options_.ns + "/" + name + ".cpp";
    if (unit && !diags.has_errors()) {
      cg::CompileOptions cg;
      cg.ns = options_.ns;
      cg.line_directives = !options_.no_line_directives;
      cg.output_name = cpp;
      text = cg::compile_unit(*unit, cg, diags);
    }
    print(diags);
    if (!text) {
      // A stale .cpp from an earlier successful compile must not be built as if current.
      remove_output(cpp);
      remove_output(cpp + ".d");
      return false;
    }
    if (!write(cpp, *text)) return false;
    return !options_.depfile || write(cpp + ".d", depfile(cpp, *unit));
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
  std::string depfile(const std::string& cpp, const front::Unit& unit) const {
    std::string text = make_escape(fs::absolute(cpp).lexically_normal().string()) + ":";
    std::set<std::string> seen;
    for (const auto& file : unit.files) {
      const std::string path = fs::absolute(file->file->path()).lexically_normal().string();
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
  std::set<std::string> printed_;
  bool write_failed_ = false;  // an output could not be written: exit 2, not 1
};

int run_compile(const CompileOptions& options) {
  if (!is_identifier(options.ns)) {
    std::cerr << "squall compile: --namespace '" << options.ns
              << "' is not a C++ identifier usable as a namespace (a letter first, not a "
                 "keyword, no '__')\n";
    return kExitUsage;
  }
  if (!fs::is_directory(options.root)) {
    std::cerr << "squall compile: --root is not a directory: " << options.root << "\n";
    return kExitUsage;
  }
  if (!options.whitespace.empty() && !front::parse_whitespace_mode(options.whitespace)) {
    std::cerr << "squall compile: invalid --whitespace mode '" << options.whitespace << "'\n";
    return kExitUsage;
  }
  remove_temporaries_on_signals();
  Compiler compiler(options);
  const auto exit_code = [&compiler](bool ok) {
    return ok ? kExitOk : compiler.write_failed() ? kExitUsage : kExitError;
  };
  if (!options.index.empty()) {
    std::vector<std::string> names = options.index;
    std::sort(names.begin(), names.end());
    return exit_code(compiler.write_index(names));
  }
  if (!options.only.empty()) return exit_code(compiler.compile_one(options.only));
  std::string error;
  const auto names = list_templates(options.root, error);
  if (!error.empty()) {
    std::cerr << "squall compile: " << error << "\n";
    return kExitUsage;
  }
  bool ok = true;
  for (const auto& name : names) ok = compiler.compile_one(name) && ok;
  if (!ok) {
    compiler.remove_index();
    return exit_code(false);
  }
  return exit_code(compiler.write_index(names));
}

}  // namespace

void add_compile_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<CompileOptions>();
  auto* cmd = app.add_subcommand("compile", "Compile templates to C++");
  cmd->add_option("--root", options->root, "Template root folder")->required();
  cmd->add_option("--out", options->out, "Output folder")->required();
  cmd->add_option("--namespace", options->ns, "C++ namespace of the template set");
  auto* only =
      cmd->add_option("--only", options->only, "Compile just this template (name under the root)");
  cmd->add_flag("--depfile", options->depfile, "With --only: also write OUT/NS/NAME.cpp.d")
      ->needs(only);
  cmd->add_option("--index", options->index, "Write only the header and registry for these names")
      ->excludes(only);
  cmd->add_option("--autoescape", options->autoescape,
                  "Escape function for templates without {% autoescape %} (None: off)");
  cmd->add_option("--whitespace", options->whitespace,
                  "Default whitespace mode: all, single, oneline");
  cmd->add_flag("--no-line-directives", options->no_line_directives,
                "Do not write #line directives");
  cmd->callback([options, &exit_code] { exit_code = run_compile(*options); });
}

}  // namespace squall::driver
