// The UI-module runtime on its own: argument binding (CPython's TypeError texts), resource
// collection and page injection (RequestHandler.render's rules), StaticFiles (Tornado's
// versioned static URLs), and the docs/ui-modules.md examples that need no templates.
#include <gtest/gtest.h>

#include "ui_modules/support/greeting.hpp"

#include <filesystem>
#include <fstream>

#include "squall/detail/render.hpp"
#include "squall/escape.hpp"
#include "squall/py.hpp"
#include "squall/render_session.hpp"
#include "squall/static_files.hpp"
#include "squall/ui_module.hpp"

namespace squall {
namespace {

using PKind = ModuleParam::Kind;

ModuleSignature sig(std::initializer_list<ModuleParam> params) {
  return ModuleSignature{true, std::vector<ModuleParam>(params)};
}

// -- Binding: each row is a call and what Python 3.11 says (checked with /usr/bin/python3).
struct BindCase {
  const char* name;
  ModuleSignature signature;
  std::vector<Value> args;
  std::vector<std::pair<std::string, Value>> kwargs;
  const char* expected;  // repr of the names dict, or the TypeError message
};

std::vector<BindCase> bind_cases() {
  const ModuleSignature entry =
      sig({{"entry", PKind::Positional, {}}, {"show", PKind::Positional, Value(false)}});
  const ModuleSignature star = sig({{"first", PKind::Positional, {}},
                                    {"rest", PKind::VarArgs, {}},
                                    {"sep", PKind::KeywordOnly, Value(", ")},
                                    {"opts", PKind::VarKwargs, {}}});
  const ModuleSignature kwonly = sig({{"a", PKind::Positional, {}}, {"k", PKind::KeywordOnly, {}}});
  return {
      {"default used", entry, {Value(1)}, {}, "{'entry': 1, 'show': False}"},
      {"keyword", entry, {}, {{"entry", Value(2)}}, "{'entry': 2, 'show': False}"},
      {"missing", entry, {}, {}, "E.render() missing 1 required positional argument: 'entry'"},
      {"too many",
       entry,
       {Value(1), Value(2), Value(3)},
       {},
       "E.render() takes from 2 to 3 positional arguments but 4 were given"},
      {"unexpected before too many",
       entry,
       {Value(1), Value(2), Value(3)},
       {{"c", Value(1)}},
       "E.render() got an unexpected keyword argument 'c'"},
      {"multiple values",
       entry,
       {Value(1)},
       {{"entry", Value(2)}},
       "E.render() got multiple values for argument 'entry'"},
      {"self",
       entry,
       {Value(1)},
       {{"self", Value(2)}},
       "E.render() got multiple values for argument 'self'"},
      {"star order is locals()",
       star,
       {Value(1), Value(2)},
       {{"z", Value(3)}},
       "{'first': 1, 'sep': ', ', 'rest': (2,), 'opts': {'z': 3}}"},
      {"keyword-only missing",
       kwonly,
       {Value(1)},
       {},
       "E.render() missing 1 required keyword-only argument: 'k'"},
      {"keyword-only given positionally",
       kwonly,
       {Value(1), Value(2)},
       {{"k", Value(3)}},
       "E.render() takes 2 positional arguments but 3 positional arguments (and 1 "
       "keyword-only argument) were given"},
      {"empty signature",
       sig({}),
       {Value(1)},
       {},
       "E.render() takes 1 positional argument but 2 were given"},
      {"no signature: keywords are the names",
       ModuleSignature{},
       {},
       {{"t", Value("x")}},
       "{'t': 'x'}"},
      {"no signature: positional",
       ModuleSignature{},
       {Value(1)},
       {},
       "E.render() takes 1 positional argument but 2 were given"},
      {"three missing",
       sig({{"a", PKind::Positional, {}},
            {"b", PKind::Positional, {}},
            {"c", PKind::Positional, {}}}),
       {},
       {},
       "E.render() missing 3 required positional arguments: 'a', 'b', and 'c'"},
      // Fixed bugs
  };
}

TEST(BindModuleArguments, AsPythonBindsThem) {
  for (const BindCase& c : bind_cases()) {
    SCOPED_TRACE(c.name);
    std::vector<KwArg> kwargs;
    for (const auto& [name, value] : c.kwargs) kwargs.push_back(KwArg{name, value});
    try {
      EXPECT_EQ(py::repr(bind_module_arguments("E", c.signature, c.args, kwargs)), c.expected);
    } catch (const Error& e) {
      EXPECT_EQ(e.type(), "TypeError");
      EXPECT_EQ(e.message(), c.expected);
    }
  }
}

// -- Injection: tornado-spec 8.3.
class Resources final : public UIModule {
 public:
  explicit Resources(PageResources r) : r_(std::move(r)) {}
  Value render(Args, KwArgs) override { return Value(""); }
  Value embedded_javascript() override { return join(r_.embedded_javascript); }
  Value javascript_files() override { return list(r_.javascript_files); }
  Value embedded_css() override { return join(r_.embedded_css); }
  Value css_files() override { return list(r_.css_files); }
  Value html_head() override { return join(r_.html_head); }
  Value html_body() override { return join(r_.html_body); }

 private:
  static Value join(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) out += p;
    return out.empty() ? Value() : Value(out);
  }
  static Value list(const std::vector<std::string>& paths) {
    std::vector<Value> out;
    for (const auto& p : paths) out.emplace_back(p);
    return Value::list(std::move(out));
  }
  PageResources r_;
};

struct InjectCase {
  const char* name;
  std::string html;
  PageResources resources;
  const char* expected;  // the page, or "!" + the error
};

const StaticUrl kStatic = [](std::string_view p) { return "/s/" + std::string(p); };

TEST(InjectResources, AsRequestHandlerRender) {
  const InjectCase cases[] = {
      {"nothing to inject needs no tags", "x", {}, "x"},
      {"js before the last body",
       "<body>a</body><body>b</body>",
       {{"j();"}, {"a.js"}, {}, {}, {}, {}},
       "<body>a</body><body>b<script src=\"/s/a.js\" type=\"text/javascript\"></script>\n"
       "<script type=\"text/javascript\">\n//<![CDATA[\nj();\n//]]>\n</script>\n</body>"},
      {"body parts before the first body",
       "<body>a</body><body>b</body>",
       {{}, {}, {}, {}, {}, {"<i>", "<b>"}},
       "<body>a<i><b>\n</body><body>b</body>"},
      {"css then style then heads before the first head",
       "<head></head><head></head>",
       {{}, {}, {".a{}", ".b{}"}, {"/x.css"}, {"<m1>", "<m2>"}, {}},
       "<head><link href=\"/x.css\" type=\"text/css\" rel=\"stylesheet\"/>\n"
       "<style type=\"text/css\">\n.a{}\n.b{}\n</style>\n<m1><m2>\n</head><head></head>"},
      {"dedup after static_url",
       "<body></body>",
       {{}, {"a.js", "/s/a.js", "//c/a.js", "ftp:a", "http:x", "https:y"}, {}, {}, {}, {}},
       "<body><script src=\"/s/a.js\" type=\"text/javascript\"></script><script "
       "src=\"//c/a.js\" type=\"text/javascript\"></script><script src=\"/s/ftp:a\" "
       "type=\"text/javascript\"></script><script src=\"http:x\" "
       "type=\"text/javascript\"></script><script src=\"https:y\" "
       "type=\"text/javascript\"></script>\n</body>"},
      {"paths escaped",
       "<body></body>",
       {{}, {"/a.js?x=1&y=\"'"}, {}, {}, {}, {}},
       "<body><script src=\"/a.js?x=1&amp;y=&quot;&#39;\" "
       "type=\"text/javascript\"></script>\n</body>"},
      {"missing body",
       "<head></head>",
       {{"j();"}, {}, {}, {}, {}, {}},
       "!ValueError: subsection not found"},
      {"missing head",
       "<body></body>",
       {{}, {}, {}, {}, {"<m>"}, {}},
       "!ValueError: subsection not found"},
      {"tags are case-sensitive",
       "<BODY></BODY>",
       {{}, {}, {}, {}, {}, {"x"}},
       "!ValueError: subsection not found"},
      // Fixed bugs
  };
  for (const InjectCase& c : cases) {
    SCOPED_TRACE(c.name);
    std::string html = c.html;
    try {
      inject_resources(html, c.resources, kStatic);
      EXPECT_EQ(html, c.expected);
    } catch (const Error& e) {
      EXPECT_EQ("!" + std::string(e.what()), c.expected);
      EXPECT_EQ(html, c.html);  // unchanged on error
    }
  }
}

TEST(InjectResources, RelativePathWithoutStaticUrlIsTornadosError) {
  std::string html = "<body></body>";
  PageResources r;
  r.javascript_files = {"a.js"};
  try {
    inject_resources(html, r, StaticUrl());
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              "Exception: You must define the 'static_path' setting in your application to use "
              "static_url");
  }
  r.javascript_files = {"/a.js"};
  EXPECT_NO_THROW(inject_resources(html, r, StaticUrl()));
}

TEST(SessionResources, FirstUseOrderAndHookResultRules) {
  ModuleRegistry registry;
  registry.add("A", [] {
    return std::make_unique<Resources>(PageResources{{"a();"}, {"a.js"}, {}, {}, {}, {}});
  });
  registry.add("B", [] {
    return std::make_unique<Resources>(PageResources{{"b();"}, {"b.js", "a.js"}, {}, {}, {}, {}});
  });
  squall::RenderSession session(&registry);
  session.module("B");
  session.module("A");
  session.module("B");  // the same instance
  EXPECT_EQ(session.active_modules().size(), 2u);
  const PageResources r = session.resources();
  EXPECT_EQ(r.embedded_javascript, (std::vector<std::string>{"b();", "a();"}));
  EXPECT_EQ(r.javascript_files, (std::vector<std::string>{"b.js", "a.js", "a.js"}));
}

// -- StaticFiles: tornado-spec 9.2.
TEST(StaticFiles, TornadosVersionedUrls) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("squall_static_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "a.js", std::ios::binary) << "A";
  StaticFiles statics(dir.string());
  const std::string a_hash =
      "21b4f4bd9e64ed355c3eb676a28ebedaf6d8f17bdc365995b319097153044080516bd083bfcce66121a3072646"
      "994c8430cc382b8dc543e84880183bf856cff5";
  EXPECT_EQ(statics.url("a.js"), "/static/a.js?v=" + a_hash);
  EXPECT_EQ(statics.url("a.js", false), "/static/a.js");
  EXPECT_EQ(statics.url("missing.css"), "/static/missing.css");
  EXPECT_EQ(statics.url("/abs.js"), "/static//abs.js");
  // Hashed once: a changed file keeps its version until the cache is cleared.
  std::ofstream(dir / "a.js", std::ios::binary) << "B";
  EXPECT_EQ(statics.url("a.js"), "/static/a.js?v=" + a_hash);
  statics.clear_cache();
  EXPECT_NE(statics.url("a.js"), "/static/a.js?v=" + a_hash);
  EXPECT_EQ(StaticFiles(dir.string(), "/assets/").url("a.js", false), "/assets/a.js");
  EXPECT_EQ(sha512_hex("").substr(0, 16), "cf83e1357eefb8bd");
  std::filesystem::remove_all(dir);
}

// -- docs/ui-modules.md: the hand-written module.
using ui_testing::Greeting;

TEST(DocsUiModules, HandWrittenModule) {
  squall::ModuleRegistry modules;     // Template, linkify, xsrf_form_html built in
  modules.add<Greeting>("Greeting");  // {% module Greeting(user) %}
  squall::RenderSession session(&modules);
  const Value out = session.module("Greeting")->render(std::vector<Value>{Value("<Ann>")}, {});
  EXPECT_EQ(py::str(out), "<p>Hello &lt;Ann&gt;</p>");
  std::string page = "<head></head><body></body>";
  inject_resources(page, session.resources(), kStatic);
  EXPECT_EQ(page,
            "<head><link href=\"/s/greeting.css\" type=\"text/css\" rel=\"stylesheet\"/>\n"
            "</head><body><script type=\"text/javascript\">\n//<![CDATA[\ngreet();\n//]]>\n"
            "</script>\n</body>");
  EXPECT_NE(modules.find("Template"), nullptr);
}

}  // namespace
}  // namespace squall
