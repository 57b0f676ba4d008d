// Typed templates (docs/typed-templates.md) render byte-identically through every path: the
// interpreter and the by-name compiled template with JSON arguments, the by-name compiled
// template with the C++ structs as reflected Values, and the typed entry point with the
// structs themselves. Expected outputs are Tornado 6.2's (tests/tools/gen_typed_cases.py).
#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <map>
#include <sstream>

#include "blog_types.hpp"
#include "interp/interpreter.hpp"
#include "sema/template_loader.hpp"
#include "squall/json.hpp"
#include "typed_site/constructs.html.hpp"
#include "typed_site/editor.html.hpp"
#include "typed_site/fallback.html.hpp"
#include "typed_site/list.html.hpp"
#include "typed_site/mixed.html.hpp"
#include "typed_site/page.html.hpp"
#include "typed_site/post.html.hpp"
#include "typed_site_templates.hpp"

namespace squall {
namespace {

const blog::Author kAnn{"Ann", "ann@example.com"};
const blog::Author kBob{"Bob <b>", std::nullopt};
const blog::Post kPost1{"Hello & welcome", 12, 0.5, false, kAnn, {"a<b", "news"}, kBob};
const blog::Post kPost2{"x", 0, 1e16, true, kBob, {}, std::nullopt};
const blog::Post kPost3{"Third", 5, 2.25, false, kAnn, {"t3"}, std::nullopt};

// A case's render through the typed entry point, and its arguments as reflected Values.
struct TypedCase {
  std::function<void(std::string&, const RenderEnvironment&)> render;
  std::function<Value()> reflected;
};

std::map<std::string, TypedCase> typed_cases() {
  static const std::vector<blog::Post> kAll{kPost1, kPost2, kPost3};
  static const std::vector<blog::Post> kOne{kPost3};
  static const std::vector<std::string> kNames{"a", "b"};
  const auto post_case = [](const blog::Post& post, const std::string& active) {
    return TypedCase{[&post, active](std::string& out, const RenderEnvironment& env) {
                       typed_site::render_post(out, post, active, env);
                     },
                     [&post, active] {
                       return Value{{"post", Value::object(post)}, {"active", active}};
                     }};
  };
  const auto list_case = [](const std::vector<blog::Post>& posts, int year) {
    return TypedCase{[&posts, year](std::string& out, const RenderEnvironment& env) {
                       typed_site::render_list(out, posts, year, env);
                     },
                     [&posts, year] {
                       return Value{{"posts", detail::field_value(posts)}, {"year", year}};
                     }};
  };
  // A template whose one argument is `post`, rendered by `entry`.
  using PostEntry = void (*)(std::string&, const blog::Post&, const RenderEnvironment&);
  const auto post_only_case = [](PostEntry entry, const blog::Post& post) {
    return TypedCase{
        [entry, &post](std::string& out, const RenderEnvironment& env) { entry(out, post, env); },
        [&post] {
          return Value{{"post", Value::object(post)}};
        }};
  };
  return {
      {"post_full", post_case(kPost1, "Hello & welcome")},
      {"post_empty", post_case(kPost2, "nope")},
      {"list", list_case(kAll, 2024)},
      {"list_one", list_case(kOne, -7)},
      {"constructs",
       {[](std::string& out, const RenderEnvironment& env) {
          typed_site::render_constructs(out, kAll, env);
        },
        [] {
          return Value{{"posts", detail::field_value(kAll)}};
        }}},
      {"fallback",
       {[](std::string& out, const RenderEnvironment& env) {
          typed_site::render_fallback(out, kAll, env);
        },
        [] {
          return Value{{"posts", detail::field_value(kAll)}};
        }}},
      // A typed page that extends a layout: the by-name render calls the layout's shared
      // body, the typed one is flattened with it (docs/typed-templates.md).
      {"layout_page", post_only_case(&typed_site::render_page, kPost1)},
      {"layout_page_empty", post_only_case(&typed_site::render_page, kPost2)},
      {"editor_present", post_only_case(&typed_site::render_editor, kPost1)},
      {"editor_none", post_only_case(&typed_site::render_editor, kPost2)},
      {"mixed",
       {[](std::string& out, const RenderEnvironment& env) {
          typed_site::render_mixed(out, kNames, Value::from_json(R"({"k": "v<", "a": 1})"), env);
        },
        [] {
          return Value{{"names", kNames}, {"extra", Value::from_json(R"({"k": "v<", "a": 1})")}};
        }}},
  };
}

// outcome is the output, or the error as `Class: message`.
std::string outcome(const std::function<std::string()>& render) {
  try {
    return render();
  } catch (const Error& e) {
    return std::string("error ") + e.what();
  }
}

std::string expected_outcome(const Value& expected) {
  if (expected.is_str()) return std::string(expected.as_str());
  return "error " + py::str(py::getitem(expected, Value("type"))) + ": " +
         py::str(py::getitem(expected, Value("message")));
}

Value load_cases() {
  std::ifstream in(SQUALL_SOURCE_DIR "/tests/typed/typed-cases.json");
  std::stringstream text;
  text << in.rdbuf();
  return Value::from_json(text.str());
}

std::unique_ptr<interp::TemplateSet> interpreter() {
  front::ParseOptions parse;
  parse.whitespace = front::WhitespaceMode::All;
  return std::make_unique<interp::TemplateSet>(
      std::make_unique<front::FolderLoader>(SQUALL_SOURCE_DIR "/tests/typed/templates", parse));
}

TEST(TypedTemplates, EveryPathRendersTornadosOutput) {
  const auto cases = typed_cases();
  auto interpreted = interpreter();
  int seen = 0;
  const Value json = load_cases();
  for (const Value& c : json.as_items()) {
    const std::string name(py::str(py::getitem(c, Value("name"))));
    const std::string main(py::str(py::getitem(c, Value("main"))));
    const Value args = py::getitem(c, Value("args"));
    const std::string want = expected_outcome(py::getitem(c, Value("expected")));
    const auto typed = cases.find(name);
    ASSERT_NE(typed, cases.end()) << name;
    ++seen;
    EXPECT_EQ(outcome([&] { return interpreted->render(main, args); }), want) << name;
    EXPECT_EQ(outcome([&] { return typed_site::templates().render(main, args); }), want) << name;
    EXPECT_EQ(
        outcome([&] { return typed_site::templates().render(main, typed->second.reflected()); }),
        want)
        << name << " (reflected)";
    EXPECT_EQ(outcome([&] {
                std::string out;
                typed->second.render(out, {});
                return out;
              }),
              want)
        << name << " (typed)";
  }
  EXPECT_EQ(seen, static_cast<int>(cases.size()));
}

// A run-time error in a typed render names the template and line, as the by-name one does.
TEST(TypedTemplates, ErrorsNameTheTemplateLine) {
  std::string out;
  try {
    typed_site::render_editor(out, kPost2);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.format(),
              "editor.html:5: AttributeError: 'NoneType' object has no attribute 'name'");
  }
  EXPECT_EQ(out, "\nx: ");
}

// Names registered for every render replace builtins in typed renders too: a replaced
// `enumerate` or `len` runs the dynamic code.
TEST(TypedTemplates, RegisteredNamesReplaceBuiltins) {
  Namespace names;
  names.set("len", Value::function("len", [](Args, KwArgs) { return Value("L"); }));
  names.set("enumerate", Value::function("enumerate", [](Args args, KwArgs) {
              return Value::list({Value::tuple({Value(7), py::getitem(args[0], Value(0))})});
            }));
  RenderEnvironment env;
  env.names = &names;
  const std::vector<blog::Post> posts{kPost3};
  std::string typed;
  typed_site::render_list(typed, posts, 1, env);
  const std::string by_name = typed_site::templates().render(
      "list.html", Value{{"posts", detail::field_value(posts)}, {"year", 1}}, env);
  EXPECT_EQ(typed, by_name);
  EXPECT_NE(typed.find("<li class=\"odd\">7: Third</li>"), std::string::npos) << typed;
  EXPECT_NE(typed.find("<footer>1 L</footer>"), std::string::npos) << typed;
}

// A malformed declaration is a template error in the interpreter too (Tornado ignores the
// comment: docs/differences.md); a well-formed one changes nothing.
TEST(TypedTemplates, InterpreterRejectsAMalformedDeclaration) {
  interp::TemplateSet set(std::make_unique<front::DictLoader>(std::map<std::string, std::string>{
      {"bad.html", "{# squall: post blog::Post #}hi"}, {"good.html", "{# squall: a: int #}hi"}}));
  try {
    set.render("bad.html", Value());
    FAIL() << "no error";
  } catch (const interp::CompileError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u);
    EXPECT_EQ(e.diagnostics()[0].message,
              "expected 'name: C++ type' or 'include \"header\"' in the squall: declaration");
  }
  EXPECT_EQ(set.render("good.html", Value()), "hi");
}

}  // namespace
}  // namespace squall
