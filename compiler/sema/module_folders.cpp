// Module folders: loading, module.json and signatures (parsed by the template expression
// parser as a lambda's parameters), and the compile-time check of module calls.
#include "sema/module_folders.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ast/constant_value.hpp"
#include "ast/node_visit.hpp"
#include "expr/expr_parser.hpp"
#include "squall/error.hpp"
#include "squall/json.hpp"
#include "squall/py.hpp"

namespace squall::front {
namespace {

namespace fs = std::filesystem;
using PKind = ModuleParam::Kind;

constexpr std::string_view kKeys[] = {"signature", "css_files", "javascript_files", "html_head",
                                      "html_body"};

std::optional<std::string> read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool is_identifier(std::string_view s) {
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
}

// literal_value is ast.literal_eval of a default: constants, signed numbers, and
// tuples, lists, sets and dicts of literals.
std::optional<Value> literal_value(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Constant:
      return constant_value(static_cast<const ConstantExpr&>(e));
    case ExprKind::Unary: {
      const auto& u = static_cast<const UnaryExpr&>(e);
      if (u.op != UnaryOp::Neg && u.op != UnaryOp::Pos) return std::nullopt;
      auto v = literal_value(*u.operand);
      if (!v || !(v->is_int() || v->is_float())) return std::nullopt;
      return u.op == UnaryOp::Neg ? py::neg(*v) : *v;
    }
    case ExprKind::Tuple:
    case ExprKind::List:
    case ExprKind::Set: {
      std::vector<Value> items;
      for (const auto& item : static_cast<const SequenceExpr&>(e).elements) {
        auto v = literal_value(*item);
        if (!v) return std::nullopt;
        items.push_back(std::move(*v));
      }
      if (e.kind == ExprKind::Tuple) return Value::tuple(std::move(items));
      if (e.kind == ExprKind::List) return Value::list(std::move(items));
      return Value::set(std::move(items));
    }
    case ExprKind::Dict: {
      Value d = Value::dict();
      const auto& dict = static_cast<const DictExpr&>(e);
      for (std::size_t i = 0; i < dict.keys.size(); ++i) {
        if (!dict.keys[i]) return std::nullopt;  // `**x`
        auto k = literal_value(*dict.keys[i]);
        auto v = literal_value(*dict.values[i]);
        if (!k || !v) return std::nullopt;
        py::setitem(d, *k, std::move(*v));
      }
      return d;
    }
    default:
      return std::nullopt;
  }
}

// Loader reads one folder, reporting problems against its files.
class FolderReader {
 public:
  FolderReader(const fs::path& dir, std::string name, DiagnosticEngine& diags)
      : dir_(dir), diags_(diags) {
    folder_.name = std::move(name);
    folder_.template_name = folder_.name + "/template.html";
  }

  std::optional<ModuleFolder> read() {
    const fs::path tpl = dir_ / "template.html";
    if (!is_identifier(folder_.name)) {
      error_at_folder("module folder name '" + folder_.name +
                      "' is not a Python identifier (templates call it as Name(...))");
    }
    std::error_code ec;
    if (!fs::is_regular_file(tpl, ec)) {
      error_at_folder("module folder '" + folder_.name + "' has no template.html");
    }
    folder_.embedded_css = read_optional("embedded.css");
    folder_.embedded_javascript = read_optional("embedded.js");
    read_json();
    if (failed_) return std::nullopt;
    return std::move(folder_);
  }

 private:
  void error_at_folder(const std::string& message) {
    auto file = std::make_shared<SourceFile>(folder_.name, "", (dir_).string());
    diags_.error(file, SourceRange{0, 0}, message);
    failed_ = true;
  }

  Value read_optional(const char* file) {
    const fs::path path = dir_ / file;
    std::error_code ec;
    if (!fs::exists(path, ec)) return Value();
    folder_.inputs.push_back(fs::absolute(path).lexically_normal().string());
    auto text = read_text(path);
    if (!text) {
      error_at_folder("cannot read " + path.string());
      return Value();
    }
    return Value(std::move(*text));
  }

  // key_range is where `"key"` appears in module.json (the whole file when it does not).
  SourceRange key_range(std::string_view key) const {
    const std::string quoted = "\"" + std::string(key) + "\"";
    const std::size_t at = json_->text().find(quoted);
    if (at == std::string_view::npos) return SourceRange{0, 0};
    return SourceRange{static_cast<std::uint32_t>(at),
                       static_cast<std::uint32_t>(at + quoted.size())};
  }

  void error(std::string_view key, const std::string& message) {
    diags_.error(json_, key_range(key), message);
    failed_ = true;
  }

  void read_json() {
    const fs::path path = dir_ / "module.json";
    std::error_code ec;
    if (!fs::exists(path, ec)) return;
    folder_.inputs.push_back(fs::absolute(path).lexically_normal().string());
    auto text = read_text(path);
    json_ = std::make_shared<SourceFile>(folder_.name + "/module.json", text.value_or(""),
                                         path.string());
    if (!text) return error("", "cannot read " + path.string());
    Value meta;
    try {
      meta = parse_json(*text);
    } catch (const Error& e) {
      return error("", "invalid JSON: " + e.message());
    }
    if (!meta.is_dict()) return error("", "module.json must hold a JSON object");
    for (const auto& [key, value] : meta.as_dict().entries()) {
      const std::string k = py::str(key);
      if (std::find(std::begin(kKeys), std::end(kKeys), k) == std::end(kKeys)) {
        error(k, "unknown key '" + k +
                     "' in module.json (expected signature, css_files, javascript_files, "
                     "html_head or html_body)");
        continue;
      }
      read_key(k, value);
    }
  }

  void read_key(const std::string& key, const Value& value) {
    if (key == "css_files" || key == "javascript_files") {
      const bool ok =
          value.is_str() ||
          (value.is_list() && std::all_of(value.as_items().begin(), value.as_items().end(),
                                          [](const Value& v) { return v.is_str(); }));
      if (!ok) return error(key, "'" + key + "' must be a string or a list of strings");
      (key == "css_files" ? folder_.css_files : folder_.javascript_files) = value;
      return;
    }
    if (!value.is_str()) return error(key, "'" + key + "' must be a string");
    if (key == "html_head") {
      folder_.html_head = value;
    } else if (key == "html_body") {
      folder_.html_body = value;
    } else {
      folder_.signature_text = std::string(value.as_str());
      std::string why;
      auto sig = parse_module_signature(folder_.signature_text, why);
      if (!sig) return error(key, "invalid signature '" + folder_.signature_text + "': " + why);
      folder_.signature = std::move(*sig);
    }
  }

  fs::path dir_;
  DiagnosticEngine& diags_;
  ModuleFolder folder_;
  std::shared_ptr<SourceFile> json_;
  bool failed_ = false;
};

// kKeywordOnlyMarker stands for a bare `*` (which the lambda parser does not take): a
// `*args` name no module.json can mean.
constexpr std::string_view kKeywordOnlyMarker = "squall_keyword_only_marker";

// name_bare_star rewrites a top-level bare `*` (`a, *, b`) into a `*args` parameter named
// kKeywordOnlyMarker, skipping strings and brackets.
std::string name_bare_star(const std::string& text) {
  int depth = 0;
  char quote = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quote) {
      if (c == '\\') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
      continue;
    }
    if (c == '\'' || c == '"') quote = c;
    if (c == '(' || c == '[' || c == '{') ++depth;
    if (c == ')' || c == ']' || c == '}') --depth;
    if (c != '*' || depth != 0 || (i + 1 < text.size() && text[i + 1] == '*')) continue;
    if (i > 0 && text[i - 1] == '*') continue;
    std::size_t j = i + 1;
    while (j < text.size() && text[j] == ' ') ++j;
    if (j == text.size() || text[j] == ',') {
      return text.substr(0, i + 1) + std::string(kKeywordOnlyMarker) + text.substr(i + 1);
    }
  }
  return text;
}

}  // namespace

std::optional<ModuleSignature> parse_module_signature(const std::string& text, std::string& error) {
  // The expression parser reads Python parameter lists as a lambda's.
  const std::string source = "lambda " + name_bare_star(text) + ": None";
  auto file = std::make_shared<const SourceFile>("signature", source);
  DiagnosticEngine diags;
  ExprPtr e = parse_expression(
      {file, SourceRange{0, static_cast<std::uint32_t>(source.size())}, diags}, false);
  if (!e || diags.has_errors() || e->kind != ExprKind::Lambda) {
    error = diags.diagnostics().empty() ? "not a parameter list" : diags.diagnostics()[0].message;
    return std::nullopt;
  }
  ModuleSignature sig;
  sig.declared = true;
  bool after_star = false, after_double_star = false;
  for (const auto& p : static_cast<const LambdaExpr&>(*e).params) {
    if (after_double_star) {
      error = "a parameter follows '**" + sig.params.back().name + "'";
      return std::nullopt;
    }
    if (p.name == "self") {
      error = "duplicate argument 'self' (render's first parameter)";
      return std::nullopt;
    }
    ModuleParam param;
    param.name = p.name;
    if (p.star && p.name == kKeywordOnlyMarker) {
      after_star = true;
      continue;
    }
    if (p.star) {
      param.kind = PKind::VarArgs;
      after_star = true;
    } else if (p.double_star) {
      param.kind = PKind::VarKwargs;
      after_double_star = true;
    } else {
      param.kind = after_star ? PKind::KeywordOnly : PKind::Positional;
    }
    if (p.default_value) {
      param.default_value = literal_value(*p.default_value);
      if (!param.default_value) {
        error = "the default of '" + p.name +
                "' must be a Python literal (a number, string, None, True, False, or a "
                "tuple, list, set or dict of literals)";
        return std::nullopt;
      }
    }
    sig.params.push_back(std::move(param));
  }
  return sig;
}

std::optional<std::vector<ModuleFolder>> load_module_folders(const std::string& dir,
                                                             DiagnosticEngine& diags) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    diags.error(std::make_shared<SourceFile>(dir, "", dir), SourceRange{0, 0},
                "no such module folder: " + dir);
    return std::nullopt;
  }
  std::vector<std::pair<std::string, fs::path>> entries;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with(".") || !entry.is_directory(ec)) continue;
    entries.emplace_back(name, entry.path());
  }
  std::sort(entries.begin(), entries.end());
  std::vector<ModuleFolder> out;
  bool ok = true;
  for (const auto& [name, path] : entries) {
    auto folder = FolderReader(path, name, diags).read();
    if (folder) {
      out.push_back(std::move(*folder));
    } else {
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<ModuleSet> load_module_set(const std::string& dir,
                                         const std::vector<std::string>& declared,
                                         DiagnosticEngine& diags) {
  ModuleSet set;
  if (!dir.empty()) {
    auto folders = load_module_folders(dir, diags);
    if (!folders) return std::nullopt;
    set.folders = std::move(*folders);
  }
  if (!dir.empty() || !declared.empty()) set.known = known_modules(set.folders, declared);
  return set;
}

}  // namespace squall::front
