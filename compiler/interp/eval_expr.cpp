// eval: expression dispatch, names, constants, operators, subscripts.
#include "ast/constant_value.hpp"
#include "interp/interpreter_impl.hpp"
#include "sema/operators.hpp"
#include "squall/py.hpp"

namespace squall::interp {

using namespace front;

Value Interpreter::eval(const Expr& e, const EnvPtr& env) {
  EvalDepthGuard guard(*this);
  switch (e.kind) {
    case ExprKind::Name:
      return eval_name(static_cast<const NameExpr&>(e), env);
    case ExprKind::Constant:
      return eval_constant(static_cast<const ConstantExpr&>(e));
    case ExprKind::Attribute: {
      const auto& a = static_cast<const AttributeExpr&>(e);
      Value scratch;
      const Value& object = eval_ref(*a.value, env, scratch);
      if (a.table_index < 0) return py::getattr(object, a.attr);
      return rt::getattr(object, plan_.attr(a.table_index));
    }
    case ExprKind::Subscript:
      return eval_subscript(static_cast<const SubscriptExpr&>(e), env);
    case ExprKind::Call:
      return eval_call(static_cast<const CallExpr&>(e), env);
    case ExprKind::Unary:
      return eval_unary(static_cast<const UnaryExpr&>(e), env);
    case ExprKind::Binary:
      return eval_binary(static_cast<const BinaryExpr&>(e), env);
    case ExprKind::BoolOp:
      return eval_bool_op(static_cast<const BoolOpExpr&>(e), env);
    case ExprKind::Compare:
      return eval_compare(static_cast<const CompareExpr&>(e), env);
    case ExprKind::IfExp: {
      const auto& i = static_cast<const IfExpExpr&>(e);
      return test(*i.test, env) ? eval(*i.body, env) : eval(*i.orelse, env);
    }
    case ExprKind::Tuple:
    case ExprKind::List:
    case ExprKind::Set:
      return eval_sequence(static_cast<const SequenceExpr&>(e), env);
    case ExprKind::Dict:
      return eval_dict(static_cast<const DictExpr&>(e), env);
    case ExprKind::Comprehension:
      return eval_comprehension(static_cast<const ComprehensionExpr&>(e), env);
    case ExprKind::Lambda:
      return eval_lambda(static_cast<const LambdaExpr&>(e), env);
    case ExprKind::Slice:
    case ExprKind::Starred:
      break;  // only inside subscripts, calls and displays, which handle them
  }
  throw_error("SyntaxError", "invalid expression here");
}

const Value& Interpreter::eval_ref(const Expr& e, const EnvPtr& env, Value& scratch) {
  switch (e.kind) {
    case ExprKind::Name: {
      const auto& n = static_cast<const NameExpr&>(e);
      if (n.scope == NameScope::Local) {
        const auto& slot = locals_[static_cast<std::size_t>(n.slot)];
        if (slot) return *slot;
      } else if (n.scope == NameScope::Global && n.table_index >= 0) {
        return global(n);
      }
      break;
    }
    case ExprKind::Constant:
      if (e.table_index < 0) break;
      return plan_.constants[static_cast<std::size_t>(e.table_index)];
    case ExprKind::Attribute: {
      const auto& a = static_cast<const AttributeExpr&>(e);
      if (a.table_index < 0) break;
      EvalDepthGuard guard(*this);
      // `local.name`, the commonest shape, without the recursive call.
      const Value* slot = nullptr;
      if (a.value->kind == ExprKind::Name) {
        const auto& n = static_cast<const NameExpr&>(*a.value);
        if (n.scope == NameScope::Local) {
          const auto& local = locals_[static_cast<std::size_t>(n.slot)];
          if (local) slot = &*local;
        }
      }
      const Value& object = slot ? *slot : eval_ref(*a.value, env, scratch);
      const rt::Attr& attr = plan_.attr(a.table_index);
      // The entry lives in `object`'s dict, which `object` (a local, a global, a constant
      // or `scratch`) keeps alive.
      if (const Value* r = attr.in_dict(object)) return *r;
      Value result = py::getattr(object, attr.name());
      scratch = std::move(result);
      return scratch;
    }
    default:
      break;
  }
  scratch = eval(e, env);
  return scratch;
}

const Value& Interpreter::global(const NameExpr& n) {
  const auto i = static_cast<std::size_t>(n.table_index);
  const Value*& cached = global_cache_[i];
  if (!cached) {
    const rt::Attr& name = plan_.global(n.table_index);
    cached = globals_.find(name.global());
    if (!cached) render::raise_name_error(n.name);
  }
  return *cached;
}

Value Interpreter::eval_name(const NameExpr& n, const EnvPtr& env) {
  switch (n.scope) {
    case NameScope::Local: {
      const auto& slot = locals_[static_cast<std::size_t>(n.slot)];
      if (slot) return *slot;
      if (n.free) render::raise_free_variable(n.name);
      render::raise_unbound_local(n.name);
    }
    case NameScope::Global:
      if (n.table_index >= 0) return global(n);
      return globals_.lookup(n.name);
    case NameScope::Lambda:
      for (Env* e = env.get(); e; e = e->parent.get()) {
        if (auto* slot = e->find_local(n.name)) {
          if (*slot) return **slot;
          break;
        }
      }
      render::raise_name_error(n.name);
    case NameScope::Unresolved:
      // The leading name of `{% module Name(...) %}`: Tornado's `_tt_modules.Name`.
      return py::getattr(globals_.lookup("_tt_modules"), n.name);
  }
  render::raise_name_error(n.name);
}

Value Interpreter::eval_constant(const ConstantExpr& c) {
  if (c.table_index >= 0) return plan_.constants[static_cast<std::size_t>(c.table_index)];
  return front::constant_value(c);
}

Value Interpreter::eval_subscript(const SubscriptExpr& s, const EnvPtr& env) {
  const Value object = eval(*s.value, env);
  if (s.index->kind != ExprKind::Slice) return py::getitem(object, eval(*s.index, env));
  const SliceParts p = eval_slice(static_cast<const SliceExpr&>(*s.index), env);
  return py::slice(object, p.lower, p.upper, p.step);
}

Interpreter::SliceParts Interpreter::eval_slice(const SliceExpr& s, const EnvPtr& env) {
  const auto part = [&](const ExprPtr& p) -> std::optional<Value> {
    if (!p) return std::nullopt;
    return eval(*p, env);
  };
  SliceParts out;  // in source order
  out.lower = part(s.lower);
  out.upper = part(s.upper);
  out.step = part(s.step);
  return out;
}

Value Interpreter::eval_unary(const UnaryExpr& u, const EnvPtr& env) {
  Value scratch;
  const Value& x = eval_ref(*u.operand, env, scratch);
  switch (u.op) {
    case UnaryOp::Neg:
      return py::neg(x);
    case UnaryOp::Pos:
      return py::pos(x);
    case UnaryOp::Invert:
      return py::invert(x);
    case UnaryOp::Not:
      return py::not_(x);
  }
  return Value();
}

Value Interpreter::eval_binary(const BinaryExpr& b, const EnvPtr& env) {
  Value scratch[2];
  if (without_calls(*b.right)) {
    const Value& left = eval_ref(*b.left, env, scratch[0]);
    return binary_op(b.op, left, eval_ref(*b.right, env, scratch[1]), false);
  }
  const Value left = eval(*b.left, env);
  return binary_op(b.op, left, eval_ref(*b.right, env, scratch[1]), false);
}

Value Interpreter::binary_op(BinaryOp op, const Value& a, const Value& b, bool augmented) {
  return binary_function(op, augmented).fn(a, b);
}

}  // namespace squall::interp
