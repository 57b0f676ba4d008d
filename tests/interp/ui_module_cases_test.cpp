// The UI-module cases through the interpreter: module folders loaded by `squall render
// --modules`'s loader, pages rendered and injected as RequestHandler.render does, compared
// byte for byte with Tornado 6.2 (tests/ui_modules/cases.json).
#include <gtest/gtest.h>

#include "interp/module_folders.hpp"
#include "sema/template_loader.hpp"
#include "ui_modules/support/ui_module_cases.hpp"

namespace squall::interp {
namespace {

using ui_testing::Json;

// InterpretedSite is the interpreter side of the generator's Application.
struct InterpretedSite {
  StaticFiles statics{ui_testing::static_dir()};
  std::shared_ptr<ModuleRegistry> registry = std::make_shared<ModuleRegistry>();
  std::unique_ptr<TemplateSet> set;

  InterpretedSite() {
    Options options;
    options.static_url = statics.function();
    options.names.set("static_url", statics.template_function());
    ui_testing::add_test_modules(*registry);
    front::DiagnosticEngine diags;
    const auto folders =
        add_module_folders(*registry, ui_testing::modules_dir(), {}, options, diags);
    EXPECT_TRUE(folders.has_value())
        << (diags.diagnostics().empty() ? "" : front::format_diagnostic(diags.diagnostics()[0]));
    options.modules = registry;
    set = std::make_unique<TemplateSet>(
        std::make_unique<front::FolderLoader>(ui_testing::pages_dir()), std::move(options));
  }

  ui_testing::Outcome run(const Json& c) {
    squall::RenderSession session(registry.get());
    return ui_testing::run_case(
        c, session, set->options().static_url,
        [this](std::string& out, const std::string& name, const Value& args,
               squall::RenderSession& s) { set->render_to(out, name, args, s); });
  }
};

TEST(UIModuleCases, InterpreterMatchesTornado) {
  InterpretedSite site;
  const Json cases = ui_testing::load_ui_cases();
  ASSERT_GE(cases.size(), 40u);
  int passed = 0;
  for (const Json& c : cases) {
    SCOPED_TRACE(c["name"].get<std::string>());
    const ui_testing::Outcome o = site.run(c);
    if (ui_testing::matches(c, o)) {
      ++passed;
    } else {
      ADD_FAILURE() << "expected: " << c["expected"].dump() << "\ngot: " << o.text;
    }
  }
  std::printf("ui module cases (interpreter): %d of %zu identical to Tornado\n", passed,
              cases.size());
}

}  // namespace
}  // namespace squall::interp
