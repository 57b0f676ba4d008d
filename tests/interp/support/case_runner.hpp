// Runs one conformance case (tests/conformance/*.json) through the interpreter with
// Tornado's DictLoader semantics and the case's `loader` options.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "interp/interpreter.hpp"
#include "sema/template_loader.hpp"
#include "squall/json.hpp"
#include "support/read_text.hpp"

namespace squall::interp::testing {

using squall::testing_support::read_text;

using Json = nlohmann::ordered_json;

inline Json load_cases(const std::string& relative) {
  return Json::parse(read_text(std::string(SQUALL_SOURCE_DIR) + "/" + relative));
}

/// to_value converts JSON to a Value through Squall's own JSON reader (ints stay ints,
/// floats floats, key order kept).
inline Value to_value(const Json& j) {
  return parse_json(j.dump());
}

/// CaseResult is what happened: output, or a compile error, or a render error.
struct CaseResult {
  enum class Kind { Output, CompileError, RenderError } kind = Kind::Output;
  std::string output;      // Output
  std::string error_type;  // RenderError: the Python class
  std::string message;     // formatted error or first diagnostic
};

/// options_for fills the parse and interpreter options from the case's `loader` object;
/// false when Tornado rejects the loader settings themselves (an invalid whitespace mode).
inline bool options_for(const Json& c, front::ParseOptions& parse, Options& options) {
  if (!c.contains("loader")) return true;
  const Json& loader = c["loader"];
  if (loader.contains("autoescape")) {
    if (loader["autoescape"].is_null()) {
      options.autoescape.reset();
    } else {
      options.autoescape = loader["autoescape"].get<std::string>();
    }
  }
  if (loader.contains("namespace")) {
    for (const auto& [name, value] : loader["namespace"].items())
      options.names.set(name, to_value(value));
  }
  if (loader.contains("whitespace") && !loader["whitespace"].is_null()) {
    parse.whitespace = front::parse_whitespace_mode(loader["whitespace"].get<std::string>());
    return parse.whitespace.has_value();
  }
  return true;
}

/// run_case renders `c` (name, templates, main, args, optional loader).
inline CaseResult run_case(const Json& c) {
  CaseResult result;
  std::map<std::string, std::string> templates;
  for (const auto& [name, text] : c["templates"].items()) templates[name] = text.get<std::string>();
  front::ParseOptions parse;
  Options options;
  if (!options_for(c, parse, options)) {
    result.kind = CaseResult::Kind::CompileError;
    result.message = "invalid loader options";
    return result;
  }
  TemplateSet set(std::make_unique<front::DictLoader>(std::move(templates), parse),
                  std::move(options));
  try {
    result.output = set.render(c["main"].get<std::string>(), to_value(c["args"]));
  } catch (const CompileError& e) {
    result.kind = CaseResult::Kind::CompileError;
    result.message = e.what();
  } catch (const Error& e) {
    result.kind = CaseResult::Kind::RenderError;
    result.error_type = e.type();
    result.message = e.format();
  }
  return result;
}

/// is_compile_time_error says whether Tornado raises `type` while loading a template
/// (Squall rejects those with diagnostics): parse and syntax errors, missing templates
/// (DictLoader's KeyError), include/extends recursion, misplaced extends, bad modes.
inline bool is_compile_time_error(const std::string& type) {
  return type == "ParseError" || type == "SyntaxError" || type == "KeyError" ||
         type == "RecursionError" || type == "NotImplementedError" || type == "Exception";
}

}  // namespace squall::interp::testing
