// Build-time generator for the compiled conformance suite: writes every case of the given
// JSON files (tests/conformance/*.json) to a template folder, runs `squall compile --only`
// on each of its templates, and concatenates the generated C++ into CHUNKS source files
// (so the build compiles them in parallel) plus an index mapping case names to template
// sets or to the compiler's diagnostics.
//
// usage: gen_conformance SQUALL OUT_DIR CHUNKS [--index NAME] CASES.json...
// NAME (default compiled_cases) names the index function and prefixes the generated files
// and namespaces, so two suites can link into one test binary.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "support/read_text.hpp"

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace {

using squall::testing_support::read_text;

void write_file(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

// Only the update step rewrites an unchanged file, so the build recompiles only what changed.
void write_if_changed(const fs::path& path, const std::string& text) {
  if (fs::exists(path) && read_text(path) == text) return;
  write_file(path, text);
}

std::string quote_arg(const std::string& s) {
  std::string out = "'";
  for (const char c : s) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

std::string cpp_string(const std::string& s) {
  std::string out = "\"";
  for (const unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c >= 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%03o", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

struct CaseOutput {
  std::string name;
  std::string ns;
  bool compiled = false;
  std::string diagnostics;
  std::string code;  // generated .cpp files and registry, concatenated
};

std::string compile_flags(const Json& c) {
  std::string flags;
  if (!c.contains("loader")) return flags;
  const Json& loader = c["loader"];
  if (loader.contains("autoescape")) {
    flags += " --autoescape " + (loader["autoescape"].is_null()
                                     ? std::string("none")
                                     : quote_arg(loader["autoescape"].get<std::string>()));
  }
  if (loader.contains("whitespace") && !loader["whitespace"].is_null()) {
    flags += " --whitespace " + quote_arg(loader["whitespace"].get<std::string>());
  }
  return flags;
}

// run executes `command`, returning its exit status and (in `err`) its stderr.
int run(const std::string& command, const fs::path& err_file, std::string& err) {
  const int status = std::system((command + " 2> " + quote_arg(err_file.string())).c_str());
  err = read_text(err_file);
  return status;
}

CaseOutput compile_case(const std::string& squall, const fs::path& out, const Json& c, int index,
                        const std::string& prefix) {
  CaseOutput r;
  r.name = c["name"].get<std::string>();
  r.ns = prefix + std::to_string(index);
  const fs::path root = out / "cases" / r.ns;
  fs::remove_all(root);
  for (const auto& [name, text] : c["templates"].items())
    write_file(root / name, text.get<std::string>());
  const fs::path gen = out / "gen";
  const std::string base = quote_arg(squall) + " compile --root " + quote_arg(root.string()) +
                           " --out " + quote_arg(gen.string()) + " --namespace " + r.ns +
                           compile_flags(c);
  const std::string main = c["main"].get<std::string>();
  std::vector<std::string> compiled;
  for (const auto& [name, text] : c["templates"].items()) {
    if (name.starts_with("../") || name.starts_with("/")) continue;
    std::string err;
    const int status =
        run(base + " --only " + quote_arg(name), out / "cases" / (r.ns + ".err"), err);
    if (name == main) {
      r.compiled = status == 0;
      r.diagnostics = err;
    }
    if (status == 0) {
      compiled.push_back(name);
      r.code += read_text(gen / r.ns / (name + ".cpp"));
    }
  }
  std::string index_args;
  for (const auto& n : compiled) index_args += " " + quote_arg(n);
  std::string err;
  if (!compiled.empty() &&
      run(base + " --index" + index_args, out / "cases" / (r.ns + ".err"), err) == 0) {
    r.code += read_text(gen / (r.ns + "_registry.cpp"));
  } else {
    r.compiled = false;
  }
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5) {
    std::cerr << "usage: gen_conformance SQUALL OUT_DIR CHUNKS [--index NAME] CASES.json...\n";
    return 2;
  }
  const std::string squall = argv[1];
  const fs::path out = argv[2];
  const int chunks = std::atoi(argv[3]);
  int first = 4;
  std::string index_name = "compiled_cases";
  std::string file_prefix = "conformance";
  std::string ns_prefix = "squall_case";
  if (std::string(argv[4]) == "--index" && argc > 5) {
    index_name = file_prefix = argv[5];
    ns_prefix = "squall_" + index_name;
    first = 6;
  }
  std::vector<CaseOutput> cases;
  for (int i = first; i < argc; ++i) {
    const Json file = Json::parse(read_text(argv[i]));
    for (const Json& c : file)
      cases.push_back(compile_case(squall, out, c, static_cast<int>(cases.size()), ns_prefix));
  }
  std::vector<std::string> chunk_text(static_cast<std::size_t>(chunks),
                                      "// Generated by gen_conformance. Do not edit.\n");
  std::string index =
      "// Generated by gen_conformance. Do not edit.\n#include "
      "\"codegen/conformance_index.hpp\"\n\n";
  for (const auto& c : cases) {
    if (c.compiled) index += "namespace " + c.ns + " { const squall::TemplateSet& templates(); }\n";
  }
  index += "\nnamespace squall::codegen_testing {\n\nconst std::vector<CompiledCase>& " +
           index_name +
           "() {\n"
           "  static const std::vector<CompiledCase> cases = {\n";
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const auto& c = cases[i];
    if (c.compiled) chunk_text[i % chunk_text.size()] += c.code;
    index += "      {" + cpp_string(c.name) + ", " +
             (c.compiled ? "&" + c.ns + "::templates" : "nullptr") + ", " +
             cpp_string(c.diagnostics) + "},\n";
  }
  index += "  };\n  return cases;\n}\n\n}  // namespace squall::codegen_testing\n";
  for (std::size_t k = 0; k < chunk_text.size(); ++k) {
    write_if_changed(out / "gen" / (file_prefix + "_" + std::to_string(k) + ".cpp"), chunk_text[k]);
  }
  write_if_changed(out / "gen" / (file_prefix + "_index.cpp"), index);
  return 0;
}
