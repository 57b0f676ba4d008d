// eval_bool_op and eval_compare: `and`/`or` return an operand; chained comparisons
// evaluate each middle operand once and stop at the first false link.
#include "interp/interpreter_impl.hpp"
#include "sema/operators.hpp"
#include "squall/py.hpp"

namespace squall::interp {

using namespace front;

Value Interpreter::eval_bool_op(const BoolOpExpr& b, const EnvPtr& env) {
  for (std::size_t i = 0;; ++i) {
    Value scratch;
    const Value& v = eval_ref(*b.values[i], env, scratch);
    if (i + 1 == b.values.size()) return v;
    const bool t = py::truthy(v);
    if (b.op == BoolOpKind::And ? !t : t) return v;
  }
}

Value Interpreter::eval_compare(const CompareExpr& c, const EnvPtr& env) {
  return Value(compare_chain(c, env));
}

bool Interpreter::test(const Expr& e, const EnvPtr& env) {
  // The guard counts what eval(e) would have counted.
  switch (e.kind) {
    case ExprKind::Compare: {
      EvalDepthGuard guard(*this);
      return compare_chain(static_cast<const CompareExpr&>(e), env);
    }
    case ExprKind::Unary: {
      const auto& u = static_cast<const UnaryExpr&>(e);
      if (u.op != UnaryOp::Not) break;
      EvalDepthGuard guard(*this);
      return !test(*u.operand, env);
    }
    case ExprKind::BoolOp: {
      EvalDepthGuard guard(*this);
      // `a and b` is truthy exactly when its result is: the operand it stops at decides.
      const auto& b = static_cast<const BoolOpExpr&>(e);
      for (std::size_t i = 0;; ++i) {
        const bool t = test(*b.values[i], env);
        if (i + 1 == b.values.size() || (b.op == BoolOpKind::And ? !t : t)) return t;
      }
    }
    default:
      break;
  }
  Value scratch;
  return py::truthy(eval_ref(e, env, scratch));
}

bool Interpreter::compare_chain(const CompareExpr& c, const EnvPtr& env) {
  // Operands are borrowed (eval_ref); the left one is copied first when evaluating the
  // right one could run template code that changes what it refers into.
  Value scratch[2];
  std::size_t cur = 0;  // scratch[cur] may hold `left`; the right operand uses the other
  const Value* left = &eval_ref(*c.left, env, scratch[cur]);
  for (std::size_t i = 0; i < c.ops.size(); ++i) {
    const Expr& next = *c.comparators[i];
    if (!without_calls(next)) {
      Value owned = *left;
      scratch[cur] = std::move(owned);
      left = &scratch[cur];
    }
    const Value& right = eval_ref(next, env, scratch[1 - cur]);
    if (!compare_function(c.ops[i]).fn(*left, right)) return false;
    left = &right;
    cur = 1 - cur;
  }
  return true;
}

}  // namespace squall::interp
