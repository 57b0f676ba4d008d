#include "ast/constant_value.hpp"

#include <string_view>

namespace squall::front {

Value constant_value(const ConstantExpr& c) {
  switch (c.constant) {
    case ConstantKind::None:
      return Value();
    case ConstantKind::Bool:
      return Value(c.bool_value);
    case ConstantKind::Int:
      return Value(c.int_value);
    case ConstantKind::Float:
      return Value(c.float_value);
    case ConstantKind::Str:
      return Value(std::string_view(c.str_value));
  }
  return Value();  // not reached: every kind returns above
}

}  // namespace squall::front
