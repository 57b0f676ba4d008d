// The UI-module cases through compiled code: module folders and pages compiled by
// squall_add_templates (tests/ui_modules/ui_modules.cmake), pages rendered and injected as
// RequestHandler.render does, compared byte for byte with Tornado 6.2
// (tests/ui_modules/cases.json) and so with the interpreter, which passes the same cases.
#include <gtest/gtest.h>

#include "ui_modules/support/greeting.hpp"

#include "squall/escape.hpp"
#include "squall/py.hpp"

#include "squall_ui_cases_templates.hpp"
#include "squall_ui_modules_modules.hpp"
#include "ui_modules/support/ui_module_cases.hpp"

namespace squall {
namespace {

using ui_testing::Json;

TEST(UIModuleCases, CompiledMatchesTornado) {
  StaticFiles statics(ui_testing::static_dir());
  squall::Namespace names;
  names.set("static_url", statics.template_function());
  ModuleRegistry registry = squall_ui_modules::modules();
  ui_testing::add_test_modules(registry);
  RenderEnvironment env;
  env.names = &names;
  env.modules = &registry;
  env.static_url = statics.function();
  const Json cases = ui_testing::load_ui_cases();
  ASSERT_GE(cases.size(), 40u);
  int passed = 0;
  for (const Json& c : cases) {
    SCOPED_TRACE(c["name"].get<std::string>());
    squall::RenderSession session(&registry);
    const ui_testing::Outcome o =
        ui_testing::run_case(c, session, env.static_url,
                             [&](std::string& out, const std::string& name, const Value& args,
                                 squall::RenderSession& s) {
                               squall_ui_cases::templates().render_to(out, name, args, env, s);
                             });
    if (ui_testing::matches(c, o)) {
      ++passed;
    } else {
      ADD_FAILURE() << "expected: " << c["expected"].dump() << "\ngot: " << o.text;
    }
  }
  std::printf("ui module cases (compiled): %d of %zu identical to Tornado\n", passed, cases.size());
}

TEST(UIModuleCases, RenderPageIsRenderThenInject) {
  StaticFiles statics(ui_testing::static_dir());
  RenderEnvironment env;
  env.modules = &squall_ui_modules::modules();
  env.static_url = statics.function();
  const Value args = parse_json(R"({"v": "<x>"})");
  const std::string page = squall_ui_cases::templates().render_page(
      "w2_two_modules_order_dedup_static_url/page.html", args, env);
  for (const Json& c : ui_testing::load_ui_cases()) {
    if (c["name"] == "w2_two_modules_order_dedup_static_url") {
      EXPECT_EQ(page, c["expected"].get<std::string>());
    }
  }
}

// docs/ui-modules.md, "C++ API", with the test's sets standing for `site`.
using ui_testing::Greeting;

TEST(DocsUiModules, CppApi) {
  namespace site = squall_ui_cases;
  const squall::Value args = parse_json(R"({"e": {"title": "T", "comments": []}})");
  squall::StaticFiles statics(ui_testing::static_dir());  // hashes cached; keep it alive
  squall::ModuleRegistry modules = squall_ui_modules::modules();
  modules.add<Greeting>("Greeting");

  squall::RenderEnvironment env;
  env.modules = &modules;
  env.static_url = statics.function();

  // A page, as RequestHandler.render:
  std::string page =
      site::templates().render_page("folder_entry_default_argument/page.html", args, env);

  // A fragment, as render_string (no injection):
  std::string fragment =
      site::templates().render("folder_entry_default_argument/page.html", args, env);

  // Several renders in one request, then the page with every module's resources:
  squall::RenderSession session(env.modules);
  std::string sidebar;
  site::templates().render_to(sidebar, "folder_in_include/part.html", parse_json(R"({"t": "s"})"),
                              env, session);
  std::string page2 =
      site::templates().render_page("folder_entry_default_argument/page.html", args, env, session);

  // The resources as data, for frameworks that assemble pages themselves:
  squall::PageResources resources = session.resources();

  EXPECT_NE(page, fragment);
  EXPECT_NE(page.find("entry.css?v="), std::string::npos);
  EXPECT_EQ(fragment.find("<link"), std::string::npos);
  EXPECT_NE(page2.find(".card{}"), std::string::npos);  // Card, used by the sidebar render
  EXPECT_EQ(resources.css_files, (std::vector<std::string>{"entry.css", "shared.css"}));
  EXPECT_EQ(resources.embedded_css, (std::vector<std::string>{".card{}", ".entry { margin: 0 }"}));
}

}  // namespace
}  // namespace squall
