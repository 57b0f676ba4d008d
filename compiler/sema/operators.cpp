#include "sema/operators.hpp"

#include "squall/detail/compiled.hpp"
#include "squall/detail/render.hpp"
#include "squall/py.hpp"

namespace squall::front {

namespace {

// Each operator's plain function and its in-place one (`x op= y`: render::inplace_add, ...).
struct OperatorRow {
  BinaryFunction plain, inplace;
};

OperatorRow operator_row(BinaryOp op) {
  switch (op) {
    case BinaryOp::Add:
      return {{py::add, "squall::py::add"}, {render::inplace_add, "squall::render::inplace_add"}};
    case BinaryOp::Sub:
      return {{py::sub, "squall::py::sub"}, {render::inplace_sub, "squall::render::inplace_sub"}};
    case BinaryOp::Mul:
      return {{py::mul, "squall::py::mul"}, {render::inplace_mul, "squall::render::inplace_mul"}};
    case BinaryOp::Div:
      return {{py::truediv, "squall::py::truediv"},
              {render::inplace_truediv, "squall::render::inplace_truediv"}};
    case BinaryOp::FloorDiv:
      return {{py::floordiv, "squall::py::floordiv"},
              {render::inplace_floordiv, "squall::render::inplace_floordiv"}};
    case BinaryOp::Mod:
      return {{py::mod, "squall::py::mod"}, {render::inplace_mod, "squall::render::inplace_mod"}};
    case BinaryOp::Pow:
      return {{py::pow, "squall::py::pow"}, {render::inplace_pow, "squall::render::inplace_pow"}};
    case BinaryOp::LShift:
      return {{py::lshift, "squall::py::lshift"},
              {render::inplace_lshift, "squall::render::inplace_lshift"}};
    case BinaryOp::RShift:
      return {{py::rshift, "squall::py::rshift"},
              {render::inplace_rshift, "squall::render::inplace_rshift"}};
    case BinaryOp::BitAnd:
      return {{py::and_, "squall::py::and_"}, {render::inplace_and, "squall::render::inplace_and"}};
    case BinaryOp::BitOr:
      return {{py::or_, "squall::py::or_"}, {render::inplace_or, "squall::render::inplace_or"}};
    case BinaryOp::BitXor:
      return {{py::xor_, "squall::py::xor_"}, {render::inplace_xor, "squall::render::inplace_xor"}};
  }
  return {{py::add, "squall::py::add"}, {render::inplace_add, "squall::render::inplace_add"}};
}

}  // namespace

BinaryFunction binary_function(BinaryOp op, bool augmented) {
  const OperatorRow row = operator_row(op);
  return augmented ? row.inplace : row.plain;
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
