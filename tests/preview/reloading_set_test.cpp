// squall::ReloadingTemplateSet: the same output as the compiled set for every example
// template (and `squall preview --once` too), and edits under a running application seen
// on the next render.
#include <httplib.h>

#include <sstream>

#include "examples_templates.hpp"
#include "squall/json.hpp"
#include "squall/reloading_template_set.hpp"
#include "squall/web.hpp"
#include "support/preview_fixture.hpp"

namespace squall::preview::testing {
namespace {

const std::string kExamples = std::string(SQUALL_SOURCE_DIR) + "/templates-examples";

// examples are the lines of templates-examples/examples.txt: template and data file.
std::vector<std::pair<std::string, std::string>> examples() {
  std::istringstream list(read_text(kExamples + "/examples.txt"));
  std::vector<std::pair<std::string, std::string>> out;
  for (std::string line; std::getline(list, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string name, data;
    fields >> name >> data;
    out.emplace_back(name, data);
  }
  return out;
}

using Reloading = PreviewTest;

TEST_F(Reloading, ExamplesRenderAsCompiled) {
  const squall::TemplateSet& compiled = examples::templates();
  squall::ReloadingTemplateSet reloading(kExamples);
  // `--once` finds data as STEM.json under --data: lay the example data out that way.
  for (const auto& [name, data] : examples())
    write("data/" + fs::path(name).replace_extension(".json").string(),
          read_text(kExamples + "/" + data));
  run("preview --root '" + kExamples + "' --data data --once --out once");
  int checked = 0;
  for (const auto& [name, data] : examples()) {
    SCOPED_TRACE(name);
    const Value args = parse_json(read_text(kExamples + "/" + data));
    const std::string expected = compiled.render_page(name, args);
    EXPECT_EQ(reloading.render_page(name, args), expected);
    EXPECT_EQ(reloading.render(name, args), compiled.render(name, args));
    EXPECT_EQ(read_text(dir_ / "once" / name), expected);
    ++checked;
  }
  EXPECT_EQ(checked, 3);
}

TEST_F(Reloading, ErrorsAsTheCompiledSet) {
  write("t/bad.html", "{{ 1 +\n");
  write("t/raise.html", "a\n{{ nope }}");
  squall::ReloadingTemplateSet set((dir_ / "t").string());
  try {
    set.render("missing.html", Value::dict());
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.type(), "KeyError");
    EXPECT_EQ(e.message(), "'missing.html'");
  }
  try {
    set.render("raise.html", Value::dict());
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.format(), "raise.html:2: NameError: name 'nope' is not defined");
  }
  for (int i = 0; i < 2; ++i) {  // the second time too (the loader reports errors once)
    try {
      set.render("bad.html", Value::dict());
      ADD_FAILURE() << "no error";
    } catch (const Error& e) {
      EXPECT_EQ(e.type(), "TemplateSyntaxError");
      EXPECT_NE(e.message().find("bad.html:1:"), std::string::npos) << e.message();
    }
  }
  EXPECT_FALSE(set.contains("../x.html"));
  EXPECT_TRUE(set.contains("bad.html"));
  EXPECT_EQ(set.names(), (std::vector<std::string>{"bad.html", "raise.html"}));
  EXPECT_THROW(squall::ReloadingTemplateSet((dir_ / "nowhere").string()), Error);
}

// An application (a cpp-httplib server) rendering through a ReloadingTemplateSet.
TEST_F(Reloading, EditUnderARunningApplicationShowsOnTheNextRender) {
  write("t/base.html", "<title>{% block title %}{% end %}</title>{% block body %}{% end %}");
  write("t/page.html",
        "{% extends \"base.html\" %}{% block title %}{{ name }}{% end %}"
        "{% block body %}{% include \"part.html\" %}{% end %}");
  write("t/part.html", "<p>{{ greeting }}, {{ name }}</p>");
  squall::ReloadingTemplateSet templates((dir_ / "t").string());
  squall::Namespace names;
  names.set("greeting", Value("Hello"));
  squall::RenderEnvironment env;
  env.names = &names;

  httplib::Server server;
  server.Get("/", [&](const httplib::Request&, httplib::Response& res) {
    try {
      res.set_content(templates.render("page.html", Value{{"name", Value("Ann")}}, env),
                      "text/html");
    } catch (const Error& e) {
      res.status = 500;
      res.set_content(e.format(), "text/plain");
    }
  });
  const int port = server.bind_to_any_port("127.0.0.1");
  std::thread serving([&] { server.listen_after_bind(); });
  httplib::Client client("127.0.0.1", port);
  const auto body = [&] {
    auto r = client.Get("/");
    return r ? std::to_string(r->status) + " " + r->body : std::string("no answer");
  };

  EXPECT_EQ(body(), "200 <title>Ann</title><p>Hello, Ann</p>");
  write("t/page.html",
        "{% extends \"base.html\" %}{% block title %}{{ name }}!{% end %}"
        "{% block body %}{% include \"part.html\" %}{% end %}");
  EXPECT_EQ(body(), "200 <title>Ann!</title><p>Hello, Ann</p>");  // the template itself
  write("t/part.html", "<p>{{ greeting }} again, {{ name }}</p>");
  EXPECT_EQ(body(), "200 <title>Ann!</title><p>Hello again, Ann</p>");  // what it includes
  write("t/base.html", "<h1>{% block title %}{% end %}</h1>{% block body %}{% end %}");
  EXPECT_EQ(body(), "200 <h1>Ann!</h1><p>Hello again, Ann</p>");  // what it extends
  write("t/part.html", "<p>{{ greeting </p>");
  EXPECT_TRUE(body().starts_with("500 TemplateSyntaxError")) << body();
  write("t/part.html", "<p>fixed</p>");
  EXPECT_EQ(body(), "200 <h1>Ann!</h1><p>fixed</p>");
  EXPECT_GE(templates.reloads(), 4);
  server.stop();
  serving.join();
}

// ReloadingOptions::autoescape reads its value as `--autoescape` does (front::autoescape_option).
TEST_F(Reloading, AutoescapeOffAsTheCommandLineSpellsIt) {
  write("t/p.html", "{{ s }}");
  const Value args{{"s", Value("<b>")}};
  EXPECT_EQ(squall::ReloadingTemplateSet((dir_ / "t").string()).render("p.html", args),
            "&lt;b&gt;");
  for (const char* off : {"", "none", "None"}) {
    squall::ReloadingOptions options;
    options.autoescape = off;
    EXPECT_EQ(squall::ReloadingTemplateSet((dir_ / "t").string(), options).render("p.html", args),
              "<b>")
        << off;
  }
}

// page answers GET /page of an Application over `templates` that renders `name` with `args`.
std::string page(const web::TemplateSource& templates, const std::string& name, const Value& args) {
  web::Settings settings;
  settings.xsrf_cookies = false;
  web::Application app(settings, templates);
  app.log = [](std::string_view) {};
  app.route("/page").get([&](web::Handler& h) { h.render(name, args); });
  web::Request request;
  request.method = "GET";
  request.path = "/page";
  request.host = "127.0.0.1";
  request.parse();
  const web::Response response = app.handle(std::move(request));
  return std::to_string(response.status) + " " + response.body;
}

// squall::web::Application takes a compiled or a reloading set: the switch is the one
// constructor argument, and the pages are the same.
TEST_F(Reloading, WebApplicationTakesEitherSet) {
  squall::ReloadingTemplateSet reloading(kExamples);
  int checked = 0;
  for (const auto& [name, data] : examples()) {
    SCOPED_TRACE(name);
    const Value args = parse_json(read_text(kExamples + "/" + data));
    const std::string compiled = page(examples::templates(), name, args);
    EXPECT_TRUE(compiled.starts_with("200 ")) << compiled;
    EXPECT_EQ(page(reloading, name, args), compiled);
    ++checked;
  }
  EXPECT_EQ(checked, 3);

  write("t/page.html", "<p>{{ who }}</p>");
  squall::ReloadingTemplateSet edited((dir_ / "t").string());
  const Value args{{"who", Value("Ann")}};
  EXPECT_EQ(page(edited, "page.html", args), "200 <p>Ann</p>");
  write("t/page.html", "<p>Hello, {{ who }}</p>");
  EXPECT_EQ(page(edited, "page.html", args), "200 <p>Hello, Ann</p>");
}

}  // namespace
}  // namespace squall::preview::testing
