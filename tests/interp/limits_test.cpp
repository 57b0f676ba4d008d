// Big inputs: no crash, a clear error where a limit is hit.
#include <gtest/gtest.h>

#include "support/render_helpers.hpp"

namespace squall::interp::testing {
namespace {

TEST(Limits, TenThousandLineTemplate) {
  std::string text, expected;
  for (int i = 0; i < 10000; ++i) {
    text += "<p>{{ " + std::to_string(i) + " + n }}</p>\n";
    expected += "<p>" + std::to_string(i + 1) + "</p>\n";
  }
  EXPECT_EQ(render_dict({{"big.txt", text}}, "big.txt", R"({"n": 1})"), expected);
}

TEST(Limits, ThousandDeepIncludeChainIsACompileError) {
  std::map<std::string, std::string> templates;
  for (int i = 0; i < 1000; ++i) {
    templates["t" + std::to_string(i) + ".txt"] =
        "{% include 't" + std::to_string(i + 1) + ".txt' %}";
  }
  templates["t1000.txt"] = "end";
  TemplateSet set(std::make_unique<front::DictLoader>(std::move(templates)));
  EXPECT_THROW(set.render("t0.txt", Value()), CompileError);
}

TEST(Limits, DeeplyNestedExpression) {
  std::string expr = "1";
  for (int i = 0; i < 190; ++i) expr = "(" + expr + " + 1)";
  EXPECT_EQ(render_dict({{"m.txt", "{{ " + expr + " }}"}}, "m.txt"), "191");
}

TEST(Limits, UnboundedLambdaRecursionIsRecursionError) {
  const std::string error =
      render_error({{"m.txt", "{% set f = lambda n: f(n + 1) %}{{ f(0) }}"}}, "m.txt");
  EXPECT_EQ(error, "m.txt:1: RecursionError: maximum recursion depth exceeded");
}

TEST(Limits, TemplateModuleRecursionIsRecursionError) {
  Options options;
  options.modules = std::make_shared<render::ModuleRegistry>();
  const std::string error = render_error({{"r.html", "{% module Template('r.html') %}"}}, "r.html",
                                         "{}", std::move(options));
  EXPECT_EQ(error.rfind("r.html:1: RecursionError: maximum recursion depth exceeded", 0), 0u)
      << error.substr(0, 200);
}

}  // namespace
}  // namespace squall::interp::testing
