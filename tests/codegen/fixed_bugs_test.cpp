// The fixed-bugs table: every divergence between the two back ends (or from Tornado) found
// so far, one row each in tests/parity/fixed-bugs.json (made by
// tests/tools/gen_parity_cases.py, with Tornado 6.2's results where Python can run the
// row). Each row renders through the interpreter and through its C++ compiled at build
// time, with two C++ functions in the namespace:
//   log(*args, **kwargs)  records the reprs of its arguments (the side effect whose order
//                         is checked) and returns its last positional argument;
//   cpp_throw(message)    throws std::runtime_error(message).
// Both back ends must give the row's expected output (or error class, message and line)
// and the same log.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "codegen/conformance_index.hpp"
#include "interp/support/case_runner.hpp"
#include "squall/py.hpp"

namespace squall::codegen_testing {
namespace {

using interp::testing::Json;

std::vector<std::string>& call_log() {
  static std::vector<std::string> log;
  return log;
}

Value log_call(Args args, KwArgs kwargs) {
  std::string entry;
  for (const Value& a : args) entry += (entry.empty() ? "" : " ") + py::repr(a);
  for (const KwArg& k : kwargs)
    entry += (entry.empty() ? "" : " ") + std::string(k.name) + "=" + py::repr(k.value);
  call_log().push_back(entry);
  return args.empty() ? Value() : args.back();
}

Value cpp_throw(Args args, KwArgs) {
  throw std::runtime_error(args.empty() ? std::string("cpp_throw") : py::str(args[0]));
}

void register_functions(squall::Namespace& names) {
  names.set("log", Value::function("log", log_call));
  names.set("cpp_throw", Value::function("cpp_throw", cpp_throw));
}

// Result is what one back end did with a row.
struct Result {
  std::string output;
  bool failed = false;
  std::string type, message, formatted;
  int line = 0;
  std::vector<std::string> log;
};

Result interpreted(const Json& row) {
  std::map<std::string, std::string> templates;
  for (const auto& [name, text] : row["templates"].items())
    templates[name] = text.get<std::string>();
  front::ParseOptions parse;
  interp::Options options;
  EXPECT_TRUE(interp::testing::options_for(row, parse, options));
  register_functions(options.names);
  interp::TemplateSet set(std::make_unique<front::DictLoader>(std::move(templates), parse),
                          std::move(options));
  Result r;
  call_log().clear();
  try {
    r.output = set.render(row["main"].get<std::string>(), parse_json(row["args"].dump()));
  } catch (const Error& e) {
    r = {"", true, e.type(), e.message(), e.format(), e.line, {}};
  }
  r.log = call_log();
  return r;
}

Result compiled(const Json& row, const CompiledCase& c) {
  Result r;
  if (!c.templates) {
    ADD_FAILURE() << "squall compile rejected the row: " << c.diagnostics;
    return r;
  }
  squall::Namespace names;
  register_functions(names);
  RenderEnvironment env;
  env.names = &names;
  call_log().clear();
  try {
    r.output =
        c.templates().render(row["main"].get<std::string>(), parse_json(row["args"].dump()), env);
  } catch (const Error& e) {
    r = {"", true, e.type(), e.message(), e.format(), e.line, {}};
  }
  r.log = call_log();
  return r;
}

void expect_row(const Json& row, const Result& got, const char* back_end) {
  SCOPED_TRACE(back_end);
  const Json& expected = row["expected"];
  if (expected.is_string()) {
    EXPECT_FALSE(got.failed) << got.formatted;
    EXPECT_EQ(got.output, expected.get<std::string>());
  } else {
    EXPECT_TRUE(got.failed) << "output: " << got.output;
    EXPECT_EQ(got.type, expected["type"].get<std::string>());
    EXPECT_EQ(got.message, expected["message"].get<std::string>());
    if (expected.contains("line")) {
      EXPECT_EQ(got.line, expected["line"].get<int>());
    }
  }
  EXPECT_EQ(got.log, row["log"].get<std::vector<std::string>>());
}

TEST(FixedBugs, BothBackEndsGiveTheRecordedResult) {
  const Json rows = interp::testing::load_cases("tests/parity/fixed-bugs.json");
  ASSERT_EQ(rows.size(), fixed_bug_cases().size()) << "rebuild: the generated table is stale";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Json& row = rows[i];
    SCOPED_TRACE(row["name"].get<std::string>() + " (" + row["found_by"].get<std::string>() + ")");
    ASSERT_EQ(row["name"].get<std::string>(), fixed_bug_cases()[i].name);
    const Result interp = interpreted(row);
    const Result code = compiled(row, fixed_bug_cases()[i]);
    expect_row(row, interp, "interpreter");
    expect_row(row, code, "compiled");
    EXPECT_EQ(code.formatted, interp.formatted);
  }
}

}  // namespace
}  // namespace squall::codegen_testing
