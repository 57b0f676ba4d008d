// sema/layout_sharing: when a page may call its layout's body instead of being flattened
// with it. The outputs these decisions must not change are the conformance cases of
// tests/tools/gen_layout_cases.py (through both back ends); here each decision and refusal
// reason is checked on its own, one table row per case.
#include "sema/layout_sharing.hpp"

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>

#include "sema/template_loader.hpp"

namespace squall::front {
namespace {

// Decision is what plan_layout_use says for page.html over base.html: "shared" plus the
// blocks the page supplies, or the refusal reason.
std::string decision(const std::map<std::string, std::string>& templates) {
  DictLoader loader(templates);
  DiagnosticEngine diags;
  const auto page = build_unit(loader, "page.html", diags);
  const auto layout = build_unit(loader, page ? page->root->file->name() : "", diags);
  if (!page || !layout) return "<no unit>";
  std::string refused;
  const auto use = plan_layout_use(*page, *layout, refused);
  if (!use) return refused;
  std::string out = "shared:";
  for (std::size_t b = 0; b < use->supplied.size(); ++b) {
    if (use->supplied[b]) out += " " + use->parts.blocks[b];
  }
  return out;
}

struct Row {
  const char* name;
  const char* base;
  const char* page;
  const char* expected;
};

const Row kRows[] = {
    {"some blocks", "{% block a %}A{% end %}{% block b %}B{% end %}",
     "{% extends base.html %}{% block b %}{% set x = 1 %}{{ x }}{% end %}", "shared: b"},
    {"no override", "{% block a %}{% end %}", "{% extends base.html %}", "shared:"},
    {"block twice without locals", "{% block a %}{% end %}{% block a %}{% end %}",
     "{% extends base.html %}{% block a %}{{ g }}{% end %}", "shared: a"},
    {"block in an included file", "{% include inc.html %}", "{% extends base.html %}", "shared:"},
    {"nested override", "{% block outer %}{% block inner %}{% end %}{% end %}",
     "{% extends base.html %}{% block inner %}i{% end %}", "shared: outer"},
    {"body local read by a block", "{% set v = 1 %}{% block a %}{% end %}",
     "{% extends base.html %}{% block a %}{{ v }}{% end %}",
     "local 'v' is used by the layout's body and by block 'a'"},
    {"block local read by the body", "{% block a %}{% end %}{{ v }}",
     "{% extends base.html %}{% block a %}{% set v = 1 %}{% end %}",
     "local 'v' is used by the layout's body and by block 'a'"},
    {"two blocks share a local", "{% block a %}{% end %}{% block b %}{% end %}",
     "{% extends base.html %}{% block a %}{% set v = 1 %}{% end %}{% block b %}{{ v }}{% end %}",
     "local 'v' is used by block 'a' and by block 'b'"},
    {"escape function assigned", "{{ 1 }}{% block a %}{% end %}",
     "{% extends base.html %}{% block a %}{% set xhtml_escape = str %}{% end %}",
     "local 'xhtml_escape' is used by the layout's body and by block 'a'"},
    {"import shared", "{% import math %}{% block a %}{% end %}",
     "{% extends base.html %}{% block a %}{{ math.pi }}{% end %}",
     "local 'math' is used by the layout's body and by block 'a'"},
    {"except name shared", "{% try %}{% except Exception as e %}{% end %}{% block a %}{% end %}",
     "{% extends base.html %}{% block a %}{{ e }}{% end %}",
     "local 'e' is used by the layout's body and by block 'a'"},
    {"layout's own default shares a local", "{% block a %}{% set t = 1 %}{% end %}{{ t }}",
     "{% extends base.html %}{% block a %}A{% end %}",
     "in the layout, local 't' is used by the layout's body and by block 'a'"},
    {"block in a loop", "{% for i in xs %}{% block a %}{% end %}{% end %}",
     "{% extends base.html %}", "in the layout, block 'a' is inside a loop"},
    {"block in a while loop", "{% while c %}{% block a %}{% end %}{% end %}",
     "{% extends base.html %}", "in the layout, block 'a' is inside a loop"},
    {"block in an apply body", "{% apply f %}{% block a %}{% end %}{% end %}",
     "{% extends base.html %}", "in the layout, block 'a' is inside an apply body"},
    {"included block in a loop", "{% for i in xs %}{% include inc.html %}{% end %}",
     "{% extends base.html %}", "in the layout, block 'i' is inside a loop"},
    {"file with blocks included twice", "{% include inc.html %}{% include inc.html %}",
     "{% extends base.html %}", "in the layout, a file with blocks is included twice"},
    {"block placed twice with locals", "{% block a %}{% end %}{% block a %}{% end %}",
     "{% extends base.html %}{% block a %}{% set n = 1 %}{% end %}",
     "block 'a' is placed twice and has locals"},
    {"break leaves the block", "{% for x in xs %}{% end %}{% block a %}{% end %}",
     "{% extends base.html %}{% for x in xs %}{% block a %}{% break %}{% end %}{% end %}",
     "a break or continue in a block leaves it"},
    {"layout without blocks", "plain", "{% extends base.html %}", "the layout has no block"},
};

TEST(LayoutSharing, DecisionsAndReasons) {
  for (const auto& row : kRows) {
    SCOPED_TRACE(row.name);
    EXPECT_EQ(decision({{"base.html", row.base},
                        {"page.html", row.page},
                        {"inc.html", "<{% block i %}{% end %}>"}}),
              row.expected);
  }
}

// A page that extends nothing has no layout to share.
TEST(LayoutSharing, APageWithoutExtendsIsNotAUse) {
  DictLoader loader(std::map<std::string, std::string>{{"page.html", "{% block a %}{% end %}"}});
  DiagnosticEngine diags;
  const auto page = build_unit(loader, "page.html", diags);
  ASSERT_TRUE(page);
  std::string refused;
  EXPECT_FALSE(plan_layout_use(*page, *page, refused));
  EXPECT_EQ(refused, "it extends no layout");
  // It is a layout itself: its file exports its body.
  EXPECT_TRUE(exports_layout(*page, split_layout(*page)));
}

}  // namespace
}  // namespace squall::front
