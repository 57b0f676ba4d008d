// eval_bool_op and eval_compare: `and`/`or` return an operand; chained comparisons
// evaluate each middle operand once and stop at the first false link.
#include "interp/interpreter_impl.hpp"
#include "squall/py.hpp"

namespace squall::interp {

using namespace front;

Value Interpreter::eval_bool_op(const BoolOpExpr& b, const EnvPtr& env) {
  Value v;
  for (const auto& operand : b.values) {
    v = eval(*operand, env);
    const bool t = py::truthy(v);
    if (b.op == BoolOpKind::And ? !t : t) return v;
  }
  return v;
}

namespace {

bool compare(CompareOp op, const Value& a, const Value& b) {
  switch (op) {
    case CompareOp::Eq:
      return py::eq(a, b);
    case CompareOp::NotEq:
      return py::ne(a, b);
    case CompareOp::Lt:
      return py::lt(a, b);
    case CompareOp::LtE:
      return py::le(a, b);
    case CompareOp::Gt:
      return py::gt(a, b);
    case CompareOp::GtE:
      return py::ge(a, b);
    case CompareOp::In:
      return py::contains(b, a);
    case CompareOp::NotIn:
      return !py::contains(b, a);
    case CompareOp::Is:
      return py::is_(a, b);
    case CompareOp::IsNot:
      return !py::is_(a, b);
  }
  return false;
}

}  // namespace

Value Interpreter::eval_compare(const CompareExpr& c, const EnvPtr& env) {
  Value left = eval(*c.left, env);
  for (std::size_t i = 0; i < c.ops.size(); ++i) {
    Value right = eval(*c.comparators[i], env);
    if (!compare(c.ops[i], left, right)) return Value(false);
    left = std::move(right);
  }
  return Value(true);
}

}  // namespace squall::interp
