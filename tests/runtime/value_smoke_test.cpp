#include <gtest/gtest.h>

#include "squall/json.hpp"
#include "squall/py.hpp"

namespace squall {
namespace {

TEST(ValueSmoke, Basics) {
  Value v = {{"title", "x"}, {"items", std::vector<int>{1, 2}}};
  EXPECT_EQ(py::repr(v), "{'title': 'x', 'items': [1, 2]}");
  EXPECT_EQ(py::str(py::add(Value(0.1), Value(0.2))), "0.30000000000000004");
}

}  // namespace
}  // namespace squall
