// Source ranges of expression nodes: absolute file offsets, the root covering the whole
// tag text, every child inside its parent, and no range starting or ending in whitespace.
#include <gtest/gtest.h>

#include "ast/expr_visit.hpp"
#include "expr_test_support.hpp"

namespace squall::front::testing {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\t';
}

void check_tight(const SourceFile& file, Expr& e, SourceRange parent, const std::string& text) {
  const std::string_view s = file.slice(e.range);
  ASSERT_FALSE(s.empty()) << text << ": empty range for " << dump_expr(e);
  EXPECT_FALSE(is_space(s.front()) || is_space(s.back())) << text << ": " << s;
  EXPECT_TRUE(e.range.begin >= parent.begin && e.range.end <= parent.end)
      << text << ": " << dump_expr(e) << " outside its parent";
  for_each_child(e, [&](Expr& child) { check_tight(file, child, e.range, text); });
}

const char* const kExpressions[] = {
    "x",
    "(x)",
    "( x )",
    "a.b(c, *d, k=e, **f)[1:2, ::3]",
    "-2 ** -x",
    "not a < b <= c",
    "a if b else c",
    "lambda x, y=1, *z, **w: x",
    "[x for x, y in z if x for w in y]",
    "{k: v for k, v in d}",
    "{**a, 'b': c}",
    "{*a, b}",
    "f(x for x in y)",
    "('a' 'b'\n'c')",
    "(1,\n 2)",
    "a or b and c",
    "x[::-1]",
    "()",
    "f()",
    "a[b][c]",
};

TEST(ExprRanges, RootCoversTheTextAndChildrenAreTight) {
  for (const std::string t : kExpressions) {
    auto parsed = parse_snippet(ExprMode::Tuple, t);
    ASSERT_TRUE(parsed->expr) << t << ": " << parsed->rendered;
    const auto begin = static_cast<std::uint32_t>(kPrefix.size());
    const SourceRange whole{begin, begin + static_cast<std::uint32_t>(t.size())};
    EXPECT_EQ(parsed->expr->range, whole) << t;
    check_tight(*parsed->file, *parsed->expr, whole, t);
  }
}

TEST(ExprRanges, TupleWithoutParenthesesSpansItsElements) {
  auto parsed = parse_snippet(ExprMode::Tuple, "a ,  b");
  ASSERT_TRUE(parsed->expr);
  EXPECT_EQ(parsed->file->slice(parsed->expr->range), "a ,  b");
  auto trailing = parse_snippet(ExprMode::Tuple, "a, b,");
  EXPECT_EQ(trailing->file->slice(trailing->expr->range), "a, b,");
}

TEST(ExprRanges, ChildRangesAreExact) {
  auto parsed = parse_snippet(ExprMode::Expr, "foo.bar(1 + 2)[3]");
  ASSERT_TRUE(parsed->expr);
  auto& sub = static_cast<SubscriptExpr&>(*parsed->expr);
  const SourceFile& f = *parsed->file;
  EXPECT_EQ(f.slice(sub.value->range), "foo.bar(1 + 2)");
  EXPECT_EQ(f.slice(sub.index->range), "3");
  auto& call = static_cast<CallExpr&>(*sub.value);
  EXPECT_EQ(f.slice(call.func->range), "foo.bar");
  EXPECT_EQ(f.slice(call.args[0].value->range), "1 + 2");
  EXPECT_EQ(f.slice(static_cast<AttributeExpr&>(*call.func).value->range), "foo");
}

TEST(ExprRanges, StatementRanges) {
  const std::string text = "x = 1; y += f(2)\n    if a:\n        z = 3";
  auto file = std::make_shared<const SourceFile>("t.html", "{% set " + text + " %}");
  DiagnosticEngine diags;
  ExprParseInput in{file, {7, static_cast<std::uint32_t>(7 + text.size())}, diags};
  auto body = parse_set_body(in);
  ASSERT_TRUE(body);
  ASSERT_EQ(body->size(), 3u);
  EXPECT_EQ(file->slice((*body)[0]->range), "x = 1");
  EXPECT_EQ(file->slice((*body)[1]->range), "y += f(2)");
  EXPECT_EQ(file->slice((*body)[2]->range), "if a:\n        z = 3");
}

TEST(ExprRanges, DiagnosticRangeCoversTheOffendingToken) {
  auto parsed = parse_snippet(ExprMode::Expr, "f(x in)");
  ASSERT_EQ(parsed->diags.diagnostics().size(), 1u);
  EXPECT_EQ(parsed->file->slice(parsed->diags.diagnostics()[0].range), ")");
  auto fstring = parse_snippet(ExprMode::Expr, "a + f'{x}' + b");
  ASSERT_EQ(fstring->diags.diagnostics().size(), 1u);
  EXPECT_EQ(fstring->file->slice(fstring->diags.diagnostics()[0].range), "f'{x}'");
  EXPECT_EQ(fstring->diags.diagnostics()[0].file, fstring->file);
}

}  // namespace
}  // namespace squall::front::testing
