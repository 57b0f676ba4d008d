// The conformance cases (tests/conformance/*.json) compiled to C++ by `squall compile` at
// build time and rendered here. Each case must give the same bytes, or the same error
// text, as the interpreter (the two back ends share one runtime), and the bytes Tornado
// gave wherever the interpreter does (its deviations are documented and tested by the
// interpreter's own conformance test). Cases the interpreter rejects at compile time must
// be rejected by `squall compile` too, and the other way round.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "codegen/conformance_index.hpp"
#include "interp/interpreter.hpp"
#include "sema/template_loader.hpp"
#include "squall/json.hpp"
#include "support/read_text.hpp"

namespace squall::codegen_testing {
namespace {

using squall::testing_support::read_text;

using Json = nlohmann::ordered_json;

// Outcome is what one back end did with a case.
struct Outcome {
  enum class Kind { Output, CompileError, RenderError } kind = Kind::Output;
  std::string text;  // output, formatted render error, or diagnostics
  std::string type;  // render error class
};

void loader_options(const Json& c, front::ParseOptions& parse, interp::Options& options,
                    squall::Namespace& names, bool& valid) {
  valid = true;
  if (!c.contains("loader")) return;
  const Json& loader = c["loader"];
  if (loader.contains("autoescape")) {
    if (loader["autoescape"].is_null()) {
      options.autoescape.reset();
    } else {
      options.autoescape = loader["autoescape"].get<std::string>();
    }
  }
  if (loader.contains("namespace")) {
    for (const auto& [name, value] : loader["namespace"].items()) {
      names.set(name, parse_json(value.dump()));
      options.names.set(name, parse_json(value.dump()));
    }
  }
  if (loader.contains("whitespace") && !loader["whitespace"].is_null()) {
    parse.whitespace = front::parse_whitespace_mode(loader["whitespace"].get<std::string>());
    valid = parse.whitespace.has_value();
  }
}

Outcome interpret(const Json& c) {
  Outcome r;
  std::map<std::string, std::string> templates;
  for (const auto& [name, text] : c["templates"].items()) templates[name] = text.get<std::string>();
  front::ParseOptions parse;
  interp::Options options;
  squall::Namespace names;
  bool valid = true;
  loader_options(c, parse, options, names, valid);
  if (!valid) return {Outcome::Kind::CompileError, "invalid loader options", ""};
  interp::TemplateSet set(std::make_unique<front::DictLoader>(std::move(templates), parse),
                          std::move(options));
  try {
    r.text = set.render(c["main"].get<std::string>(), parse_json(c["args"].dump()));
  } catch (const interp::CompileError& e) {
    return {Outcome::Kind::CompileError, e.what(), ""};
  } catch (const Error& e) {
    return {Outcome::Kind::RenderError, e.format(), e.type()};
  }
  return r;
}

Outcome run_compiled(const Json& c, const CompiledCase& compiled) {
  if (!compiled.templates)
    return {Outcome::Kind::CompileError, std::string(compiled.diagnostics), ""};
  front::ParseOptions parse;
  interp::Options options;
  squall::Namespace names;
  bool valid = true;
  loader_options(c, parse, options, names, valid);
  RenderEnvironment env;
  env.names = &names;
  try {
    return {Outcome::Kind::Output,
            compiled.templates().render(c["main"].get<std::string>(), parse_json(c["args"].dump()),
                                        env),
            ""};
  } catch (const Error& e) {
    return {Outcome::Kind::RenderError, e.format(), e.type()};
  }
}

const char* kind_name(Outcome::Kind k) {
  switch (k) {
    case Outcome::Kind::Output:
      return "output";
    case Outcome::Kind::CompileError:
      return "compile error";
    case Outcome::Kind::RenderError:
      return "render error";
  }
  return "?";
}

// Cases where `squall compile`, which reads templates from a folder, differs from the
// interpreter's in-memory loader (Tornado's DictLoader) by design.
const std::map<std::string, std::string> kFolderLoaderCases = {
    {"inc_dotdot_beyond_root_kept",
     "a folder loader rejects names that leave the root; DictLoader keys may be anything"},
};

class CompiledConformance : public ::testing::Test {
 protected:
  static std::vector<Json> load_all() {
    std::vector<Json> cases;
    // The build compiles every tests/conformance/*.json, in sorted order.
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(SQUALL_SOURCE_DIR) +
                                                                 "/tests/conformance")) {
      if (entry.path().extension() == ".json") files.push_back(entry.path().string());
    }
    std::sort(files.begin(), files.end());
    for (const std::string& path : files) {
      const std::string text = read_text(path);
      if (text.empty()) continue;
      for (const Json& c : Json::parse(text)) cases.push_back(c);
    }
    return cases;
  }
};

TEST_F(CompiledConformance, EveryCaseWasCompiled) {
  const auto cases = load_all();
  ASSERT_EQ(cases.size(), compiled_cases().size()) << "rebuild: the generated suite is stale";
  for (std::size_t i = 0; i < cases.size(); ++i) {
    EXPECT_EQ(cases[i]["name"].get<std::string>(), compiled_cases()[i].name);
  }
}

TEST_F(CompiledConformance, SameAsInterpreterAndTornado) {
  const auto cases = load_all();
  ASSERT_EQ(cases.size(), compiled_cases().size());
  int same_as_tornado = 0, rendered = 0;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const Json& c = cases[i];
    SCOPED_TRACE(c["name"].get<std::string>());
    const Outcome interp = interpret(c);
    const Outcome compiled = run_compiled(c, compiled_cases()[i]);
    if (kFolderLoaderCases.count(c["name"].get<std::string>())) {
      EXPECT_EQ(kind_name(compiled.kind), std::string("compile error"));
      continue;
    }
    EXPECT_EQ(kind_name(compiled.kind), std::string(kind_name(interp.kind)))
        << "compiled: " << compiled.text << "\ninterpreter: " << interp.text;
    if (compiled.kind != interp.kind || compiled.kind == Outcome::Kind::CompileError) continue;
    ++rendered;
    EXPECT_EQ(compiled.text, interp.text);
    EXPECT_EQ(compiled.type, interp.type);
    const Json& expected = c["expected"];
    if (expected.is_string() && interp.kind == Outcome::Kind::Output &&
        interp.text == expected.get<std::string>()) {
      EXPECT_EQ(compiled.text, expected.get<std::string>());
      ++same_as_tornado;
    } else if (expected.is_object() && interp.type == expected["type"].get<std::string>()) {
      EXPECT_EQ(compiled.type, expected["type"].get<std::string>());
      ++same_as_tornado;
    }
  }
  std::printf("compiled conformance: %zu cases, %d rendered, %d identical to Tornado's result\n",
              cases.size(), rendered, same_as_tornado);
}

}  // namespace
}  // namespace squall::codegen_testing
