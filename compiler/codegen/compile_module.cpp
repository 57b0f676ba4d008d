// The module compiler: FolderModuleSpec as generated C++.
#include "codegen/compile_module.hpp"

#include <cmath>
#include <cstdio>

#include "codegen/cpp_writer.hpp"
#include "codegen/mangle.hpp"
#include "squall/py.hpp"

namespace squall::cg {
namespace {

std::string items_literal(const std::vector<Value>& items) {
  std::string out = "{";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + value_literal(items[i]);
  return out + "}";
}

std::string param_kind(ModuleParam::Kind k) {
  switch (k) {
    case ModuleParam::Kind::Positional:
      return "squall::ModuleParam::Kind::Positional";
    case ModuleParam::Kind::KeywordOnly:
      return "squall::ModuleParam::Kind::KeywordOnly";
    case ModuleParam::Kind::VarArgs:
      return "squall::ModuleParam::Kind::VarArgs";
    case ModuleParam::Kind::VarKwargs:
      return "squall::ModuleParam::Kind::VarKwargs";
  }
  return "";
}

std::string add_function(const std::string& module) {
  return "squall_add_" + mangle_template(module);
}

}  // namespace

std::string value_literal(const Value& v) {
  if (v.is_none()) return "squall::Value()";
  if (v.is_bool()) return v.as_bool() ? "squall::Value(true)" : "squall::Value(false)";
  if (v.is_int()) return "squall::Value(std::int64_t{" + std::to_string(v.as_int()) + "})";
  if (v.is_float()) {
    const double d = v.as_float();
    if (std::isinf(d)) return std::string("squall::Value(") + (d > 0 ? "" : "-") + "HUGE_VAL)";
    if (std::isnan(d)) return "squall::Value(std::nan(\"\"))";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%a", d);  // exact
    return std::string("squall::Value(") + buf + ")";
  }
  if (v.is_str()) {
    const auto s = v.as_str();
    return "squall::Value(std::string(" + cpp_quoted(s) + ", " + std::to_string(s.size()) + "))";
  }
  if (v.is_tuple())
    return "squall::Value::tuple(std::vector<squall::Value>" + items_literal(v.as_items()) + ")";
  if (v.is_list())
    return "squall::Value::list(std::vector<squall::Value>" + items_literal(v.as_items()) + ")";
  if (v.is_set())
    return "squall::Value::set(std::vector<squall::Value>" + items_literal(py::to_vector(v)) + ")";
  if (v.is_dict()) {
    std::string out = "[] { squall::Value d = squall::Value::dict();";
    for (const auto& [key, value] : v.as_dict().entries()) {
      out += " squall::py::setitem(d, " + value_literal(key) + ", " + value_literal(value) + ");";
    }
    return out + " return d; }()";
  }
  return "squall::Value()";  // not a literal: load_module_folders rejected it
}

std::string compile_module(const front::ModuleFolder& folder, const std::string& ns) {
  const std::string render_fn = mangle_template(folder.template_name);
  // The registration below needs the public API that <squall/abi.hpp> leaves out.
  std::string out = "\n// The UI module " + folder.name +
                    " (module folder).\n#include <squall/template_set.hpp>\n"
                    "#include <squall/ui_module.hpp>\n\nnamespace " +
                    ns + "::" + std::string(kModuleNamespace) + " {\n\n";
  out += "void " + add_function(folder.name) + "(squall::ModuleRegistry& squall_registry) {\n";
  out += "  auto squall_spec = std::make_shared<squall::FolderModuleSpec>();\n";
  out += "  squall_spec->name = " + cpp_quoted(folder.name) + ";\n";
  out += "  squall_spec->template_name = " + cpp_quoted(folder.template_name) + ";\n";
  if (folder.signature.declared) {
    out += "  squall_spec->signature.declared = true;\n";
    for (const auto& p : folder.signature.params) {
      out +=
          "  squall_spec->signature.params.push_back({" + cpp_quoted(p.name) + ", " +
          param_kind(p.kind) + ", " +
          (p.default_value ? "std::optional<squall::Value>(" + value_literal(*p.default_value) + ")"
                           : std::string("std::nullopt")) +
          "});\n";
    }
  }
  const std::pair<const char*, const Value*> resources[] = {
      {"embedded_javascript", &folder.embedded_javascript},
      {"javascript_files", &folder.javascript_files},
      {"embedded_css", &folder.embedded_css},
      {"css_files", &folder.css_files},
      {"html_head", &folder.html_head},
      {"html_body", &folder.html_body}};
  for (const auto& [field, value] : resources) {
    if (!value->is_none())
      out += "  squall_spec->" + std::string(field) + " = " + value_literal(*value) + ";\n";
  }
  out +=
      "  squall_spec->render_template = [](squall::RenderSession& squall_session,\n"
      "                                    const squall::Value& squall_names) {\n"
      "    std::string squall_text;\n"
      "    squall::render_compiled(squall_text, &" +
      render_fn + ", " + cpp_quoted(folder.template_name) +
      ", squall_names, squall_session);\n"
      "    return squall_text;\n"
      "  };\n";
  out += "  squall::add_folder_module(squall_registry, std::move(squall_spec));\n}\n\n";
  out += "}  // namespace " + ns + "::" + std::string(kModuleNamespace) + "\n";
  return out;
}

std::string compile_modules_header(const std::string& ns) {
  return "// Generated by `squall compile --modules`. Do not edit.\n"
         "#pragma once\n\n"
         "#include <squall/ui_module.hpp>\n\n"
         "namespace " +
         ns +
         " {\n\n"
         "/// add_modules registers the module folders compiled into " +
         ns +
         " in `registry`.\n"
         "void add_modules(squall::ModuleRegistry& registry);\n\n"
         "/// modules returns Tornado's built-in modules plus the module folders; thread-safe,\n"
         "/// built on first use.\n"
         "const squall::ModuleRegistry& modules();\n\n"
         "}  // namespace " +
         ns + "\n";
}

std::string compile_modules_registry(const std::string& ns, const std::vector<std::string>& names) {
  const std::string nested = ns + "::" + std::string(kModuleNamespace);
  std::string out = "// Generated by `squall compile --modules`. Do not edit.\n#include \"" + ns +
                    "_modules.hpp\"\n\n#include <squall/abi.hpp>\n\n";
  if (!names.empty()) {
    out += "namespace " + nested + " {\n";
    for (const auto& name : names)
      out += "void " + add_function(name) + "(squall::ModuleRegistry&);\n";
    out += "}  // namespace " + nested + "\n\n";
  }
  out += "namespace " + ns +
         " {\n\nvoid add_modules([[maybe_unused]] squall::ModuleRegistry& registry) {\n";
  for (const auto& name : names)
    out += "  " + std::string(kModuleNamespace) + "::" + add_function(name) + "(registry);\n";
  out +=
      "}\n\nconst squall::ModuleRegistry& modules() {\n"
      "  static const squall::ModuleRegistry squall_registry = [] {\n"
      "    squall::ModuleRegistry r;\n"
      "    add_modules(r);\n"
      "    return r;\n"
      "  }();\n"
      "  return squall_registry;\n"
      "}\n\n}  // namespace " +
      ns + "\n";
  return out;
}

}  // namespace squall::cg
