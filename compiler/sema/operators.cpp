#include "sema/operators.hpp"

#include "squall/compiled.hpp"
#include "squall/py.hpp"
#include "squall/render.hpp"

namespace squall::front {

BinaryFunction binary_function(BinaryOp op, bool augmented) {
  switch (op) {
    case BinaryOp::Add:
      if (augmented) return {render::inplace_add, "squall::rt::iadd"};
      return {py::add, "squall::py::add"};
    case BinaryOp::Sub:
      return {py::sub, "squall::py::sub"};
    case BinaryOp::Mul:
      return {py::mul, "squall::py::mul"};
    case BinaryOp::Div:
      return {py::truediv, "squall::py::truediv"};
    case BinaryOp::FloorDiv:
      return {py::floordiv, "squall::py::floordiv"};
    case BinaryOp::Mod:
      return {py::mod, "squall::py::mod"};
    case BinaryOp::Pow:
      return {py::pow, "squall::py::pow"};
    case BinaryOp::LShift:
      return {py::lshift, "squall::py::lshift"};
    case BinaryOp::RShift:
      return {py::rshift, "squall::py::rshift"};
    case BinaryOp::BitAnd:
      return {py::and_, "squall::py::and_"};
    case BinaryOp::BitOr:
      // `|=` updates a set and merges a dict in place (render::inplace_or).
      if (augmented) return {render::inplace_or, "squall::rt::ior"};
      return {py::or_, "squall::py::or_"};
    case BinaryOp::BitXor:
      return {py::xor_, "squall::py::xor_"};
  }
  return {py::add, "squall::py::add"};
}

CompareFunction compare_function(CompareOp op) {
  switch (op) {
    case CompareOp::Eq:
      return {rt::eq, "squall::rt::eq"};
    case CompareOp::NotEq:
      return {rt::ne, "squall::rt::ne"};
    case CompareOp::Lt:
      return {rt::lt, "squall::rt::lt"};
    case CompareOp::LtE:
      return {rt::le, "squall::rt::le"};
    case CompareOp::Gt:
      return {rt::gt, "squall::rt::gt"};
    case CompareOp::GtE:
      return {rt::ge, "squall::rt::ge"};
    case CompareOp::In:
      return {rt::is_in, "squall::rt::is_in"};
    case CompareOp::NotIn:
      return {rt::is_not_in, "squall::rt::is_not_in"};
    case CompareOp::Is:
      return {py::is_, "squall::py::is_"};
    case CompareOp::IsNot:
      return {rt::is_not, "squall::rt::is_not"};
  }
  return {rt::eq, "squall::rt::eq"};
}

}  // namespace squall::front
