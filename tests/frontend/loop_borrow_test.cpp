// sema/loop_borrow: which loops the code generator may read the item of in place. The
// outputs these decisions must not change are conformance cases (loop_var_* in
// tests/tools/gen_squall_cases.py); here each condition is checked on its own.
#include "sema/loop_borrow.hpp"

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>

#include "ast/node_visit.hpp"
#include "sema/template_loader.hpp"

namespace squall::front {
namespace {

std::unique_ptr<Unit> build(std::map<std::string, std::string> templates) {
  DictLoader loader(std::move(templates));
  DiagnosticEngine diags;
  auto unit = build_unit(loader, "main.html", diags);
  EXPECT_TRUE(unit) << (diags.diagnostics().empty() ? ""
                                                    : format_diagnostic(diags.diagnostics()[0]));
  return unit;
}

const ForNode* first_loop(const NodeList& nodes) {
  for (const auto& n : nodes) {
    if (n->kind == NodeKind::For) return &static_cast<const ForNode&>(*n);
    const ForNode* found = nullptr;
    for_each_body(*n, [&](const NodeList& body) {
      if (!found) found = first_loop(body);
    });
    if (found) return found;
  }
  return nullptr;
}

// Borrowed is the name `main.html`'s first loop reads in place ("" for none), counting the
// unit-wide conditions.
std::string borrowed(std::map<std::string, std::string> templates) {
  const auto unit = build(std::move(templates));
  if (!unit) return "<no unit>";
  const ForNode* loop = first_loop(unit->root->body);
  if (!loop) return "<no loop>";
  const LoopBorrowing borrowing(*unit);
  if (!borrowing.allowed()) return "";
  const NameExpr* target = borrowing.target(*loop);
  return target ? target->name : "";
}

std::string borrowed(const std::string& main) {
  return borrowed(std::map<std::string, std::string>{{"main.html", main}});
}

TEST(LoopBorrow, PlainLoopsBorrowTheirName) {
  EXPECT_EQ(borrowed("{% for x in xs %}{{ x.name }}{% end %}"), "x");
  EXPECT_EQ(borrowed("{% for i, t in enumerate(ts) %}{{ i }}{{ t }}{% end %}"), "t");
  EXPECT_EQ(borrowed("{% for x in xs %}{% set total += 1 %}{% set y = x %}{% end %}"), "x");
  EXPECT_EQ(borrowed("{% for x in xs %}{{ [c for c in x] }}{{ x.upper() }}{% end %}"), "x");
}

TEST(LoopBorrow, OtherTargetShapesCopy) {
  EXPECT_EQ(borrowed("{% for a, b in pairs %}{{ a }}{% end %}"), "");
  EXPECT_EQ(borrowed("{% for a, b, c in enumerate(xs) %}{{ a }}{% end %}"), "");
}

TEST(LoopBorrow, AssigningTheNameInTheBodyCopies) {
  EXPECT_EQ(borrowed("{% for x in xs %}{% set x = 1 %}{% end %}"), "");
  EXPECT_EQ(borrowed("{% for x in xs %}{% set x, y = 1, 2 %}{% end %}"), "");
  EXPECT_EQ(borrowed("{% for x in xs %}{% for x in ys %}{% end %}{% end %}"), "");
  EXPECT_EQ(borrowed("{% for x in xs %}{% set x += 1 %}{% end %}"), "");
  EXPECT_EQ(borrowed("{% for x in xs %}{% try %}{% except Exception as x %}{% end %}{% end %}"),
            "");
  EXPECT_EQ(borrowed("{% for x in xs %}{% import datetime as x %}{% end %}"), "");
  EXPECT_EQ(borrowed({{"main.html", "{% for x in xs %}{% include 'i.html' %}{% end %}"},
                      {"i.html", "{% set x = 2 %}"}}),
            "");
  // A block's winning definition is what runs in the loop.
  EXPECT_EQ(
      borrowed({{"main.html", "{% extends 'base.html' %}{% block b %}{% set x = 1 %}{% end %}"},
                {"base.html", "{% for x in xs %}{% block b %}{% end %}{% end %}"}}),
      "");
  EXPECT_EQ(
      borrowed({{"main.html", "{% extends 'base.html' %}{% block b %}{{ x }}{% end %}"},
                {"base.html", "{% for x in xs %}{% block b %}{% set x = 1 %}{% end %}{% end %}"}}),
      "x");
}

TEST(LoopBorrow, ListMutationAnywhereInTheUnitCopies) {
  // The mutation need not be in the loop: a method fetched earlier can run inside it.
  EXPECT_EQ(borrowed("{% set f = xs.append %}{% for x in xs %}{{ f(1) }}{% end %}"), "");
  for (const char* method :
       {"append", "extend", "insert", "pop", "remove", "clear", "sort", "reverse"}) {
    EXPECT_EQ(borrowed(std::string("{% for x in xs %}{% end %}{{ xs.") + method + " }}"), "")
        << method;
  }
  EXPECT_EQ(borrowed("{% for x in xs %}{{ getattr(xs, 'append')(1) }}{% end %}"), "");
  EXPECT_EQ(borrowed("{% for x in xs %}{% set xs[0] = 1 %}{% end %}"), "");
  // The same names on a dict: the type is not known, so they count too.
  EXPECT_EQ(borrowed("{% for x in xs %}{{ d.pop('k') }}{% end %}"), "");
  EXPECT_EQ(borrowed("{% for x in xs %}{% set d['k'] = x %}{% end %}"), "");
  EXPECT_EQ(borrowed("{% for x in xs %}{% end %}{% for xs[0] in ys %}{% end %}"), "");
  EXPECT_EQ(borrowed("{% for x in xs %}{% set ys += [1] %}{% end %}"), "");
  EXPECT_EQ(borrowed("{% for x in xs %}{% set ys *= 2 %}{% end %}"), "");
  EXPECT_EQ(borrowed("{% for x in xs %}{% set n += 1 %}{% set n -= 1 %}{% end %}"), "x");
  EXPECT_EQ(borrowed({{"main.html", "{% for x in xs %}{% include 'i.html' %}{% end %}"},
                      {"i.html", "{{ xs.append(1) }}"}}),
            "");
}

TEST(LoopBorrow, LaterReadersAndOtherTemplatesCopy) {
  EXPECT_EQ(borrowed("{% set f = lambda: x %}{% for x in xs %}{{ f() }}{% end %}"), "");
  EXPECT_EQ(borrowed("{% for x in xs %}{% set g = (x for y in ys) %}{% end %}"), "");
  EXPECT_EQ(borrowed("{% for x in xs %}{% module Entry(x) %}{% end %}"), "");
  EXPECT_EQ(borrowed("{% for x in xs %}{{ modules.Entry(x) }}{% end %}"), "");
}

// loop_of finds the loop whose target is the name `x`.
const ForNode* loop_of_x(const NodeList& nodes) {
  for (const auto& n : nodes) {
    if (n->kind == NodeKind::For) {
      const auto& loop = static_cast<const ForNode&>(*n);
      if (loop.target->kind == ExprKind::Name &&
          static_cast<const NameExpr&>(*loop.target).name == "x") {
        return &loop;
      }
    }
    const ForNode* found = nullptr;
    for_each_body(*n, [&](const NodeList& body) {
      if (!found) found = loop_of_x(body);
    });
    if (found) return found;
  }
  return nullptr;
}

// read_outside is LoopBorrowing::read_outside for the loop over `x` in `main.html`.
bool read_outside(std::map<std::string, std::string> templates) {
  const auto unit = build(std::move(templates));
  if (!unit) return false;
  const LoopBorrowing borrowing(*unit);
  const ForNode* loop = loop_of_x(unit->root->body);
  const NameExpr* target = loop ? borrowing.target(*loop) : nullptr;
  EXPECT_TRUE(target);
  return target && borrowing.read_outside(*loop, *target);
}

bool read_outside(const std::string& main) {
  return read_outside(std::map<std::string, std::string>{{"main.html", main}});
}

TEST(LoopBorrow, LastItemIsKeptOnlyWhenReadAfterTheLoop) {
  EXPECT_FALSE(read_outside("{% for x in xs %}{{ x }}{{ x.y }}{% end %}"));
  EXPECT_TRUE(read_outside("{% for x in xs %}{% end %}{{ x }}"));
  EXPECT_TRUE(read_outside("{{ x }}{% for x in xs %}{% end %}"));
  EXPECT_TRUE(read_outside("{% for x in xs %}{% else %}{{ x }}{% end %}"));
  // An enclosing loop's next iteration reads it before the inner loop runs again.
  EXPECT_TRUE(read_outside("{% for r in rs %}{{ x }}{% for x in r %}{% end %}{% end %}"));
  EXPECT_TRUE(read_outside(
      {{"main.html", "{% for x in xs %}{% end %}{% include 'i.html' %}"}, {"i.html", "{{ x }}"}}));
  // A local named like the escape function is read by every {{ }}.
  EXPECT_TRUE(read_outside("{% autoescape x %}{% for x in xs %}{% end %}"));
}

}  // namespace
}  // namespace squall::front
