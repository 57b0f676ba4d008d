// The stored sample of the differential generator (tests/parity/differential-sample.json,
// made by tests/tools/gen_differential_sample.py with Tornado 6.2): each case is still
// what its seed generates, and the interpreter gives Tornado's output (or error class,
// template and line) and the same `log` calls. The compiled code is held to the
// interpreter by the differential run itself (squall_differential).
#include <gtest/gtest.h>

#include "differential/record.hpp"
#include "differential/template_generator.hpp"
#include "interp/support/case_runner.hpp"

namespace squall::interp::testing {
namespace {

TEST(DifferentialSample, GeneratorReproducesTheStoredCases) {
  const Json cases = load_cases("tests/parity/differential-sample.json");
  ASSERT_FALSE(cases.empty());
  for (const Json& c : cases) {
    const auto generated =
        differential::generate_case(c["seed"].get<std::uint64_t>(), c["expressions"].get<int>());
    EXPECT_EQ(Json(generated.templates), c["templates"]) << "seed " << c["seed"];
    EXPECT_EQ(Json::parse(generated.args_json), c["args"]);
  }
}

TEST(DifferentialSample, InterpreterMatchesTornado) {
  const Json cases = load_cases("tests/parity/differential-sample.json");
  int outputs = 0, errors = 0;
  for (const Json& c : cases) {
    SCOPED_TRACE("seed " + std::to_string(c["seed"].get<std::uint64_t>()));
    std::map<std::string, std::string> templates;
    for (const auto& [name, text] : c["templates"].items())
      templates[name] = text.get<std::string>();
    differential::CallLog log;
    Options options;
    options.names = differential::names(log);
    TemplateSet set(std::make_unique<front::DictLoader>(std::move(templates)), std::move(options));
    const Json& expected = c["expected"];
    try {
      const std::string out = set.render(c["main"].get<std::string>(), to_value(c["args"]));
      EXPECT_EQ(out, expected.value("output", std::string("(an error)")));
      ++outputs;
    } catch (const Error& e) {
      EXPECT_EQ(e.type(), expected.value("type", std::string("(no error)"))) << e.format();
      if (expected.contains("line")) {
        EXPECT_EQ(e.template_name, expected["template"].get<std::string>()) << e.format();
        EXPECT_EQ(e.line, expected["line"].get<int>()) << e.format();
      }
      ++errors;
    }
    EXPECT_EQ(log.entries, c["log"].get<std::vector<std::string>>());
  }
  std::printf("differential sample: %d outputs, %d errors\n", outputs, errors);
}

}  // namespace
}  // namespace squall::interp::testing
