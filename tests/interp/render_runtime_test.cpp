// The render runtime through the interpreter: namespace layers, error locations and
// chains, UI modules, and the errors only templates raise.
#include <gtest/gtest.h>

#include "squall/py.hpp"
#include "support/render_helpers.hpp"

namespace squall::interp::testing {
namespace {

TEST(RenderErrors, LocationAndIncludeChain) {
  // Tornado's line comment for this error is `# c.html:3 (via b.html:2, a.html:1)`.
  EXPECT_EQ(render_error({{"a.html", "{% include 'b.html' %}"},
                          {"b.html", "x\n{% include 'c.html' %}"},
                          {"c.html", "\n\n{{ 1/0 }}"}},
                         "a.html"),
            "c.html:3: ZeroDivisionError: division by zero (via b.html:2, a.html:1)");
}

TEST(RenderErrors, BlockChainNamesTheRootTag) {
  EXPECT_EQ(render_error(
                {{"base.html", "\n{% block b %}{% end %}"},
                 {"sub.html", "{% extends 'base.html' %}\n\n\n{% block b %}\n{{ nope }}{% end %}"}},
                "sub.html"),
            "sub.html:5: NameError: name 'nope' is not defined (via base.html:2)");
}

TEST(RenderErrors, TemplateModuleErrorShowsBothTemplates) {
  Options options;
  options.modules = std::make_shared<squall::ModuleRegistry>();
  EXPECT_EQ(render_error({{"page.html", "a\n{% module Template('part.html') %}"},
                          {"part.html", "{{ 1 + 'x' }}"}},
                         "page.html", "{}", std::move(options)),
            "part.html:1: TypeError: unsupported operand type(s) for +: 'int' and 'str' (via "
            "page.html:2)");
}

TEST(RenderErrors, ModuleWithoutRegistryIsNameError) {
  EXPECT_EQ(render_error({{"m.html", "{% module Template('x.html') %}"}}, "m.html"),
            "m.html:1: NameError: name '_tt_modules' is not defined");
}

TEST(RenderErrors, FreeVariableInLambda) {
  EXPECT_EQ(render_error({{"m.txt", "{% set f = lambda: x %}{{ f() }}{% set x = 1 %}"}}, "m.txt"),
            "m.txt:1: NameError: cannot access free variable 'x' where it is not associated with a "
            "value in "
            "enclosing scope");
}

TEST(RenderErrors, LambdaArgumentErrors) {
  EXPECT_EQ(render_error({{"m.txt", "{% set f = lambda a, b: a %}{{ f(1) }}"}}, "m.txt"),
            "m.txt:1: TypeError: _tt_execute.<locals>.<lambda>() missing 1 required positional "
            "argument: 'b'");
  EXPECT_EQ(render_error({{"m.txt", "{% set f = lambda a: a %}{{ f(1, 2) }}"}}, "m.txt"),
            "m.txt:1: TypeError: _tt_execute.<locals>.<lambda>() takes 1 positional argument but 2 "
            "were given");
  EXPECT_EQ(
      render_error({{"m.txt", "{% set f = lambda a: a %}{{ f(1, z=2) }}"}}, "m.txt"),
      "m.txt:1: TypeError: _tt_execute.<locals>.<lambda>() got an unexpected keyword argument 'z'");
  EXPECT_EQ(
      render_error({{"m.txt", "{% set f = lambda a: a %}{{ f(1, a=2) }}"}}, "m.txt"),
      "m.txt:1: TypeError: _tt_execute.<locals>.<lambda>() got multiple values for argument 'a'");
}

TEST(RenderErrors, ExceptAsNameIsUnboundAfterTheHandler) {
  EXPECT_EQ(
      render_error({{"m.txt", "{% try %}{{ 1/0 }}{% except Exception as e %}{% end %}{{ e }}"}},
                   "m.txt"),
      "m.txt:1: UnboundLocalError: cannot access local variable 'e' where it is not associated "
      "with a value");
}

TEST(Namespace, LayersAndGlobals) {
  Options options;
  options.names.set("site", Value("Squall"));
  options.names.set("greeting", Value("hi"));
  EXPECT_EQ(render_dict({{"m.txt", "{{ greeting }} {{ site }} {{ len('abc') }} {{ __name__ }}"}},
                        "m.txt", R"({"greeting": "hello"})", std::move(options)),
            "hello Squall 3 m_txt");
  // A keyword argument named like a builtin replaces it; globals() lists arguments.
  EXPECT_EQ(
      render_dict(
          {{"m.txt", "{{ len }} {% raw sorted(k for k in globals() if k in ('len', 'escape')) %}"}},
          "m.txt", R"({"len": 5})"),
      "5 ['escape', 'len']");
}

TEST(Namespace, KeywordArgumentReplacesTheEscapeFunction) {
  Options options;
  options.names.set("xhtml_escape", Value::function("upper", [](Args a, KwArgs) {
                      return Value(py::str(py::call_method(a[0], "upper")));
                    }));
  EXPECT_EQ(render_dict({{"m.html", "{{ s }}"}}, "m.html", R"({"s": "a<b"})", std::move(options)),
            "A<B");
}

TEST(UIModules, TemplateModuleSeesOnlyItsArguments) {
  Options options;
  options.modules = std::make_shared<squall::ModuleRegistry>();
  options.names.set("site", Value("S"));
  EXPECT_EQ(
      render_dict(
          {{"sub/page.html", "{% set v = 1 %}{% module Template('x.html', w=v) %}"},
           {"x.html",
            "{{ 'v' in globals() }} {{ w }} {{ site }} {{ set_resources(css_files='a.css') }}"},
           {"sub/x.html", "wrong file"}},
          "sub/page.html", "{}", std::move(options)),
      "False 1 S ");
}

TEST(UIModules, LinkifyAndXsrfModulesAreRaw) {
  Options options;
  options.modules = std::make_shared<squall::ModuleRegistry>();
  options.names.set("xsrf_form_html", Value::function("xsrf_form_html", [](Args, KwArgs) {
                      return Value("<input name=\"_xsrf\">");
                    }));
  EXPECT_EQ(
      render_dict(
          {{"m.html",
            "{% module linkify(t) %}|{% module xsrf_form_html() %}|{{ modules.linkify(t) }}"}},
          "m.html", R"({"t": "x http://a.b"})", std::move(options)),
      "x <a href=\"http://a.b\">http://a.b</a>|<input name=\"_xsrf\">|"
      "x &lt;a href=&quot;http://a.b&quot;&gt;http://a.b&lt;/a&gt;");
}

class CountingModule final : public squall::UIModule {
 public:
  Value render(Args, KwArgs) override { return Value(std::to_string(++calls_)); }

 private:
  int calls_ = 0;
};

TEST(UIModules, OneInstancePerRenderInFirstUseOrder) {
  auto registry = std::make_shared<squall::ModuleRegistry>();
  registry->add("Count", [] { return std::make_unique<CountingModule>(); });
  Options options;
  options.modules = registry;
  TemplateSet set(std::make_unique<front::DictLoader>(std::map<std::string, std::string>{
                      {"m.html", "{% module Count() %}{% module Count() %}{{ modules.Count() }}"}}),
                  std::move(options));
  EXPECT_EQ(set.render("m.html", Value::dict()), "123");
  EXPECT_EQ(set.render("m.html", Value::dict()), "123");  // a new session per render
  EXPECT_EQ(render_error({{"m.html", "{% module Nope() %}"}}, "m.html", "{}", set.options()),
            "m.html:1: AttributeError: 'Nope'");
}

TEST(TemplateSet, CompileErrorsAreDiagnostics) {
  TemplateSet set(std::make_unique<front::DictLoader>(
      std::map<std::string, std::string>{{"m.html", "{% include 'missing.html' %}"}}));
  try {
    set.render("m.html", Value());
    FAIL() << "rendered";
  } catch (const CompileError& e) {
    ASSERT_FALSE(e.diagnostics().empty());
    EXPECT_NE(std::string(e.what()).find("missing.html"), std::string::npos) << e.what();
  }
}

TEST(TemplateSet, LambdaOutlivingItsRenderRaises) {
  TemplateSet set(std::make_unique<front::DictLoader>(std::map<std::string, std::string>{
      {"m.txt", "{% set box['f'] = lambda: 1 %}{{ box['f']() }}"}}));
  const Value box = Value::dict();
  Value args = Value::dict();
  args.as_dict().set(Value("box"), box);
  EXPECT_EQ(set.render("m.txt", args), "1");
  const Value f = *box.as_dict().find_str("f");
  try {
    py::call(f);
    FAIL() << "called";
  } catch (const Error& e) {
    EXPECT_EQ(e.type(), "RuntimeError");
  }
}

}  // namespace
}  // namespace squall::interp::testing
