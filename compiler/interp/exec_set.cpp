// exec_set: `{% set %}` statements and assignment targets (names, unpacking, items,
// attributes), shared with `for` targets and comprehension variables.
#include "interp/interpreter_impl.hpp"
#include "squall/py.hpp"

namespace squall::interp {

using namespace front;

void Interpreter::exec_set(const SetNode& n, const Template& file) {
  at(file, n.range, [&] { exec_stmts(n.body); });
}

void Interpreter::exec_stmts(const std::vector<StmtPtr>& body) {
  for (const auto& stmt : body) {
    switch (stmt->kind) {
      case StmtKind::Assign: {
        const auto& s = static_cast<const AssignStmt&>(*stmt);
        const Value value = eval(*s.value, kNoEnv);
        for (const auto& target : s.targets) assign(*target, value, kNoEnv);
        break;
      }
      case StmtKind::AugAssign:
        exec_aug_assign(static_cast<const AugAssignStmt&>(*stmt));
        break;
      case StmtKind::Del:
        del(*static_cast<const DelStmt&>(*stmt).target);
        break;
      case StmtKind::Expr:
        eval(*static_cast<const ExprStmt&>(*stmt).value, kNoEnv);
        break;
      case StmtKind::If:
        for (const auto& branch : static_cast<const IfStmt&>(*stmt).branches) {
          if (!branch.condition || test(*branch.condition, kNoEnv)) {
            exec_stmts(branch.body);
            break;
          }
        }
        break;
      case StmtKind::Pass:
        break;
    }
  }
}

// Python evaluates the target's object and index once, then reads, computes and stores.
void Interpreter::exec_aug_assign(const AugAssignStmt& s) {
  switch (s.target->kind) {
    case ExprKind::Name: {
      const auto& name = static_cast<const NameExpr&>(*s.target);
      const Value current = eval_name(name, kNoEnv);
      store_name(name, binary_op(s.op, current, eval(*s.value, kNoEnv), true), kNoEnv);
      return;
    }
    case ExprKind::Attribute: {
      const auto& a = static_cast<const AttributeExpr&>(*s.target);
      const Value object = eval(*a.value, kNoEnv);
      const Value current = py::getattr(object, a.attr);
      py::setattr(object, a.attr, binary_op(s.op, current, eval(*s.value, kNoEnv), true));
      return;
    }
    case ExprKind::Subscript: {
      const auto& sub = static_cast<const SubscriptExpr&>(*s.target);
      const Value object = eval(*sub.value, kNoEnv);
      if (sub.index->kind == ExprKind::Slice) {
        const SliceParts p = eval_slice(static_cast<const SliceExpr&>(*sub.index), kNoEnv);
        const Value current = py::slice(object, p.lower, p.upper, p.step);
        py::setslice(object, p.lower, p.upper, p.step,
                     binary_op(s.op, current, eval(*s.value, kNoEnv), true));
        return;
      }
      const Value key = eval(*sub.index, kNoEnv);
      const Value current = py::getitem(object, key);
      py::setitem(object, key, binary_op(s.op, current, eval(*s.value, kNoEnv), true));
      return;
    }
    default:
      throw_error("SyntaxError", "illegal expression for augmented assignment");
  }
}

// `del target`: the parser allows names, attributes, subscripts and sequences of them.
void Interpreter::del(const Expr& target) {
  switch (target.kind) {
    case ExprKind::Name: {
      const auto& n = static_cast<const NameExpr&>(target);
      if (n.scope != NameScope::Local)
        throw_error("SyntaxError", "cannot delete '" + n.name + "' here");
      return render::unbind_local(locals_[static_cast<std::size_t>(n.slot)], n.name);
    }
    case ExprKind::Tuple:
    case ExprKind::List:
      for (const auto& e : static_cast<const SequenceExpr&>(target).elements) del(*e);
      return;
    case ExprKind::Attribute: {
      const auto& a = static_cast<const AttributeExpr&>(target);
      return py::delattr(eval(*a.value, kNoEnv), a.attr);
    }
    case ExprKind::Subscript: {
      const auto& s = static_cast<const SubscriptExpr&>(target);
      const Value object = eval(*s.value, kNoEnv);
      if (s.index->kind == ExprKind::Slice) {
        const SliceParts p = eval_slice(static_cast<const SliceExpr&>(*s.index), kNoEnv);
        return py::delslice(object, p.lower, p.upper, p.step);
      }
      return py::delitem(object, eval(*s.index, kNoEnv));
    }
    default:
      throw_error("SyntaxError", "cannot delete expression");
  }
}

void Interpreter::store_name(const NameExpr& n, Value value, const EnvPtr& env) {
  if (n.scope == NameScope::Local) {
    locals_[static_cast<std::size_t>(n.slot)] = std::move(value);
    return;
  }
  // Comprehension variables live in the innermost Env that declares them.
  for (Env* e = env.get(); e; e = e->parent.get()) {
    if (auto* slot = e->find_local(n.name)) {
      *slot = std::move(value);
      return;
    }
  }
  throw_error("SyntaxError", "cannot assign to name '" + n.name + "' here");
}

void Interpreter::assign(const Expr& target, Value value, const EnvPtr& env) {
  switch (target.kind) {
    case ExprKind::Name:
      return store_name(static_cast<const NameExpr&>(target), std::move(value), env);
    case ExprKind::Tuple:
    case ExprKind::List: {
      const auto& elements = static_cast<const SequenceExpr&>(target).elements;
      std::optional<std::size_t> star;
      for (std::size_t i = 0; i < elements.size(); ++i) {
        if (elements[i]->kind == ExprKind::Starred) star = i;
      }
      std::vector<Value> parts = render::unpack(value, elements.size(), star);
      for (std::size_t i = 0; i < elements.size(); ++i)
        assign(*elements[i], std::move(parts[i]), env);
      return;
    }
    case ExprKind::Starred:
      return assign(*static_cast<const StarredExpr&>(target).value, std::move(value), env);
    case ExprKind::Attribute: {
      const auto& a = static_cast<const AttributeExpr&>(target);
      return py::setattr(eval(*a.value, env), a.attr, std::move(value));
    }
    case ExprKind::Subscript: {
      const auto& s = static_cast<const SubscriptExpr&>(target);
      const Value object = eval(*s.value, env);
      if (s.index->kind == ExprKind::Slice) {
        const SliceParts p = eval_slice(static_cast<const SliceExpr&>(*s.index), env);
        return py::setslice(object, p.lower, p.upper, p.step, value);
      }
      return py::setitem(object, eval(*s.index, env), std::move(value));
    }
    default:
      throw_error("SyntaxError", "cannot assign to expression");
  }
}

}  // namespace squall::interp
