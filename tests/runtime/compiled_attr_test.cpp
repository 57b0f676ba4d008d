// rt::Attr, the prepared attribute name generated code reads through: its position hint is
// shared by every dict the same read site sees, so it must only ever be a guess. Also
// render::GlobalName, the prepared global name: its caches must never change an answer.
#include <gtest/gtest.h>

#include "squall/detail/compiled.hpp"
#include "squall/error.hpp"
#include "squall/namespace.hpp"
#include "squall/py.hpp"

namespace squall::rt {
namespace {

TEST(CompiledAttr, HintIsOnlyAGuessAcrossDictShapes) {
  static const Attr x("x");
  const Value a = {{"x", 1}, {"y", 2}};
  const Value b = {{"y", 3}, {"z", 5}, {"x", 4}};
  const Value c = {{"y", 6}};
  for (int round = 0; round < 3; ++round) {
    EXPECT_EQ(getattr(a, x).as_int(), 1);
    EXPECT_EQ(getattr_ref(b, x).as_int(), 4);
    EXPECT_THROW(getattr(c, x), Error);
  }
}

TEST(CompiledAttr, DictMethodsWinOverKeys) {
  static const Attr items("items");
  const Value d = {{"items", 1}};
  EXPECT_EQ(items.in_dict(d), nullptr);
  EXPECT_EQ(getattr(d, items).kind(), Kind::Callable);
}

TEST(CompiledAttr, NonDictsGoThroughGetattr) {
  static const Attr upper("upper");
  static const Attr real("real");
  EXPECT_EQ(getattr(Value("ab"), upper).kind(), Kind::Callable);
  EXPECT_EQ(getattr(Value(7), real).as_int(), 7);
  EXPECT_THROW(getattr(Value(7), upper), Error);
}

// find(GlobalName) must equal find(name) whatever earlier renders cached.
void expect_same(const render::Globals& g, const render::GlobalName& n) {
  EXPECT_EQ(g.find(n), g.find(n.name())) << n.name();
}

// Globals reads its arguments in place: they must outlive it.
const Value kNoArgs;

TEST(GlobalName, ArgumentsShadowACachedBuiltin) {
  static const render::GlobalName len("len");
  const Value empty = Value::dict();
  const render::Globals plain("t.html", empty, nullptr, nullptr);
  ASSERT_NE(plain.find(len), nullptr);
  EXPECT_EQ(plain.find(len)->kind(), Kind::Callable);
  // A later render passing `len` sees its argument, not the cached builtin.
  const Value args{{"x", 1}, {"len", 5}};
  const render::Globals shadowed("t.html", args, nullptr, nullptr);
  ASSERT_NE(shadowed.find(len), nullptr);
  EXPECT_EQ(shadowed.find(len)->as_int(), 5);
  expect_same(plain, len);
  expect_same(shadowed, len);
}

TEST(GlobalName, RegisteredNamesAreNeverCached) {
  static const render::GlobalName squeeze("squeeze");
  const render::Globals plain("t.html", kNoArgs, nullptr, nullptr);
  const Value* builtin = plain.find(squeeze);
  ASSERT_NE(builtin, nullptr);
  squall::Namespace names;
  names.set("squeeze", Value(1));
  const render::Globals registered("t.html", kNoArgs, &names, nullptr);
  ASSERT_NE(registered.find(squeeze), nullptr);
  EXPECT_EQ(registered.find(squeeze)->as_int(), 1);
  EXPECT_EQ(plain.find(squeeze), builtin);
}

TEST(GlobalName, EachQuoteStyleHasItsOwnDefaults) {
  static const render::GlobalName escape("xhtml_escape");
  const render::Globals decimal("t.html", kNoArgs, nullptr, nullptr, QuoteEntity::Decimal);
  const render::Globals hex("t.html", kNoArgs, nullptr, nullptr, QuoteEntity::Hex);
  for (int round = 0; round < 2; ++round) {
    EXPECT_EQ(decimal.find(escape), &decimal.default_escape());
    EXPECT_EQ(hex.find(escape), &hex.default_escape());
  }
  EXPECT_NE(decimal.find(escape), hex.find(escape));
}

TEST(GlobalName, PerRenderNamesFollowTheRender) {
  static const render::GlobalName name("__name__");
  const render::Globals a("a.html", kNoArgs, nullptr, nullptr);
  const render::Globals b("dir/b.html", kNoArgs, nullptr, nullptr);
  EXPECT_EQ(py::str(*a.find(name)), "a_html");
  EXPECT_EQ(py::str(*b.find(name)), "dir/b_html");
}

TEST(GlobalName, MissingNamesStayMissingUntilDefined) {
  static const render::GlobalName missing("not_defined_anywhere");
  const render::Globals none("t.html", kNoArgs, nullptr, nullptr);
  EXPECT_EQ(none.find(missing), nullptr);
  const Value args{{"not_defined_anywhere", 3}};
  const render::Globals given("t.html", args, nullptr, nullptr);
  ASSERT_NE(given.find(missing), nullptr);
  EXPECT_EQ(given.find(missing)->as_int(), 3);
  EXPECT_EQ(none.find(missing), nullptr);
}

}  // namespace
}  // namespace squall::rt
