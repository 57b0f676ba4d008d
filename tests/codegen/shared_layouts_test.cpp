// squall_add_templates(... NO_SHARED_LAYOUTS): the same layout and page (codegen/layouts)
// compiled twice, shared (the default) and flattened, render the same bytes as the
// interpreter; only the shared page calls its layout's body, and only the shared layout's
// file exports one.
#include <gtest/gtest.h>

#include <string>

#include "interp/interpreter.hpp"
#include "layouts_flat_templates.hpp"
#include "layouts_shared_templates.hpp"
#include "sema/template_loader.hpp"
#include "support/read_text.hpp"

namespace squall {
namespace {

std::string generated(const std::string& ns, const std::string& name) {
  const std::string text = testing_support::read_text(std::string(SQUALL_LAYOUTS_OUT) + "/" + ns +
                                                      "/" + ns + "/" + name + ".cpp");
  EXPECT_FALSE(text.empty()) << ns << "/" << name;
  return text;
}

TEST(SharedLayouts, FlattenedAndSharedRenderTheSameBytes) {
  const Value args = {{"items", std::vector<std::string>{"a<b", "c"}}};
  interp::TemplateSet interpreted(
      std::make_unique<front::FolderLoader>(SQUALL_SOURCE_DIR "/tests/codegen/layouts"));
  const std::string expected = interpreted.render("page.html", args);
  EXPECT_NE(expected.find("<li>a&lt;b</li>"), std::string::npos) << expected;
  EXPECT_NE(expected.find("3 visits, 2 items"), std::string::npos) << expected;
  EXPECT_EQ(layouts_shared::templates().render("page.html", args), expected);
  EXPECT_EQ(layouts_flat::templates().render("page.html", args), expected);
}

TEST(SharedLayouts, NoSharedLayoutsFlattensEveryPage) {
  EXPECT_NE(generated("layouts_shared", "page.html").find("squall_layout_tbase_2ehtml("),
            std::string::npos);
  EXPECT_NE(generated("layouts_shared", "base.html").find("void squall_layout_tbase_2ehtml("),
            std::string::npos);
  EXPECT_EQ(generated("layouts_flat", "page.html").find("squall_layout_"), std::string::npos);
  EXPECT_EQ(generated("layouts_flat", "base.html").find("squall_layout_"), std::string::npos);
}

}  // namespace
}  // namespace squall
