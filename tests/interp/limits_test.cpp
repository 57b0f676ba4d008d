// Big inputs: no crash, a clear error where a limit is hit.
#include <gtest/gtest.h>

#include <functional>
#include <new>
#include <stdexcept>

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
  options.modules = std::make_shared<squall::ModuleRegistry>();
  const std::string error = render_error({{"r.html", "{% module Template('r.html') %}"}}, "r.html",
                                         "{}", std::move(options));
  EXPECT_EQ(error.rfind("r.html:1: RecursionError: maximum recursion depth exceeded", 0), 0u)
      << error.substr(0, 200);
}

// squall::RenderLimits through the interpreter's options: each limit raises its Python
// exception with the template and line; the error text starts with `want`.
struct LimitCase {
  const char* name;
  const char* text;
  std::function<void(RenderLimits&)> set;
  const char* want;
};

const LimitCase kLimitCases[] = {
    {"string", "\n{{ 'x' * 11 }}", [](RenderLimits& l) { l.max_string_bytes = 10; },
     "m.txt:2: MemoryError: a string of 11 bytes exceeds the render limit max_string_bytes (10)"},
    {"string padding", "{{ 'x'.rjust(100) }}", [](RenderLimits& l) { l.max_string_bytes = 10; },
     "m.txt:1: MemoryError: a string of 396 bytes exceeds the render limit max_string_bytes (10)"},
    {"items", "{{ [1] * 4 }}", [](RenderLimits& l) { l.max_items = 3; },
     "m.txt:1: MemoryError: a container of 4 items exceeds the render limit max_items (3)"},
    {"items from a range", "{{ list(range(4)) }}", [](RenderLimits& l) { l.max_items = 3; },
     "m.txt:1: MemoryError: a container of 4 items exceeds the render limit max_items (3)"},
    {"output", "{% for i in range(10) %}{{ 'x' * 1000 }}\n{% end %}",
     [](RenderLimits& l) { l.max_output_bytes = 5000; },
     "m.txt:1: MemoryError: output of 8008 bytes exceeds the render limit max_output_bytes (5000)"},
    {"for iterations", "{% for i in range(5000) %}{% end %}",
     [](RenderLimits& l) { l.max_iterations = 2000; },
     "m.txt:1: TimeoutError: the render exceeded its limit of 2000 loop iterations"},
    {"while iterations", "{% set n = 0 %}\n{% while True %}{% set n += 1 %}{% end %}",
     [](RenderLimits& l) { l.max_iterations = 5000; },
     "m.txt:2: TimeoutError: the render exceeded its limit of 5000 loop iterations"},
    {"comprehension iterations", "{{ sum(x for x in range(10**9)) }}",
     [](RenderLimits& l) { l.max_iterations = 5000; },
     "m.txt:1: TimeoutError: the render exceeded its limit of 5000 loop iterations"},
    {"time budget", "{% while True %}{% end %}",
     [](RenderLimits& l) {
       l.max_iterations = 0;
       l.time_budget = std::chrono::milliseconds(20);
     },
     "m.txt:1: TimeoutError: the render exceeded its time budget of 20 ms"},
    {"call depth", "{% set f = lambda n: f(n + 1) %}{{ f(0) }}",
     [](RenderLimits& l) { l.max_call_depth = 10; },
     "m.txt:1: RecursionError: maximum recursion depth exceeded"},
    {"zero turns a limit off", "{{ len('x' * 100) }}",
     [](RenderLimits& l) { l.max_string_bytes = 0; }, ""},
};

TEST(Limits, RenderLimitsRaisePythonErrorsWithTemplateAndLine) {
  for (const LimitCase& c : kLimitCases) {
    Options options;
    c.set(options.limits);
    const std::string error = render_error({{"m.txt", c.text}}, "m.txt", "{}", std::move(options));
    EXPECT_EQ(error.substr(0, std::string(c.want).size()), c.want) << c.name << ": " << error;
    if (!*c.want) {
      EXPECT_EQ(error, "") << c.name;
    }
  }
}

TEST(Limits, LimitsEndWithTheRender) {
  Options tight;
  tight.limits.max_iterations = 2000;
  TemplateSet set(std::make_unique<front::DictLoader>(std::map<std::string, std::string>{
                      {"m.txt", "{% for i in range(1500) %}{% end %}ok"}}),
                  std::move(tight));
  // Each render counts from zero: 1500 iterations, ten times, never reach 2000.
  for (int i = 0; i < 10; ++i) EXPECT_EQ(set.render("m.txt", Value::dict()), "ok");
}

// A C++ exception from a registered function (a bug, an exhausted heap) is a Python error
// with the template and line, not a crash or a location-less message.
TEST(Limits, CppExceptionsBecomeMemoryErrorAndSystemError) {
  Options options;
  options.names.set("oom",
                    Value::function("oom", [](Args, KwArgs) -> Value { throw std::bad_alloc(); }));
  options.names.set("bug", Value::function("bug", [](Args, KwArgs) -> Value {
                      throw std::out_of_range("vector::at");
                    }));
  Options copy = options;
  EXPECT_EQ(render_error({{"m.txt", "\n{{ oom() }}"}}, "m.txt", "{}", std::move(options)),
            "m.txt:2: MemoryError: out of memory");
  EXPECT_EQ(render_error({{"m.txt", "{{ bug() }}"}}, "m.txt", "{}", std::move(copy)),
            "m.txt:1: SystemError: vector::at");
}

// Fixed bugs: flat chains count one nesting level per operator, so they are rejected
// before any walker can overflow the stack; within the limit they render.
TEST(Limits, FlatChainsCountAsNesting) {
  std::string chain = "1";
  for (int i = 0; i < 150; ++i) chain += " + 1";
  EXPECT_EQ(render_dict({{"m.txt", "{{ " + chain + " }}"}}, "m.txt"), "151");
  for (int i = 0; i < 55000; ++i) chain += " + 1";
  TemplateSet set(std::make_unique<front::DictLoader>(
      std::map<std::string, std::string>{{"m.txt", "{{ " + chain + " }}"}}));
  EXPECT_THROW(set.render("m.txt", Value()), CompileError);
}

}  // namespace
}  // namespace squall::interp::testing
