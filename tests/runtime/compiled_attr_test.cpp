// rt::Attr, the prepared attribute name generated code reads through: its position hint is
// shared by every dict the same read site sees, so it must only ever be a guess.
#include <gtest/gtest.h>

#include "squall/compiled.hpp"
#include "squall/error.hpp"

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

}  // namespace
}  // namespace squall::rt
