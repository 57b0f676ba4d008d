// eval_comprehension: list/set/dict comprehensions and generator expressions. All four run
// the same lazy walk over the `for ... if ...` clauses; a generator expression returns it
// as a single-pass iterator (evaluated on demand, so `any(...)` stops early as in Python),
// the others drain it. Variables live in the comprehension's own Env (Python 3 scoping).
#include "interp/interpreter_impl.hpp"
#include "squall/py.hpp"

namespace squall::interp {

using namespace front;

namespace {

void declare_targets(const Expr& target, Env& env) {
  if (target.kind == ExprKind::Name) {
    const auto& name = static_cast<const NameExpr&>(target).name;
    if (!env.find_local(name)) env.vars.emplace_back(name, std::nullopt);
  } else if (target.kind == ExprKind::Tuple || target.kind == ExprKind::List) {
    for (const auto& e : static_cast<const SequenceExpr&>(target).elements)
      declare_targets(*e, env);
  } else if (target.kind == ExprKind::Starred) {
    declare_targets(*static_cast<const StarredExpr&>(target).value, env);
  }
}

// ClauseWalk yields the environment once per combination that passes every condition.
class ClauseWalk {
 public:
  ClauseWalk(Interpreter& in, const ComprehensionExpr& c, EnvPtr env, Value first)
      : in_(in), c_(c), env_(std::move(env)) {
    its_.push_back(py::iter(first));
  }

  // next advances to the next combination; false when exhausted.
  bool next() {
    while (!its_.empty()) {
      const std::size_t level = its_.size() - 1;
      auto item = its_.back().next();
      if (!item) {
        its_.pop_back();
        continue;
      }
      const ComprehensionFor& clause = c_.clauses[level];
      in_.assign(*clause.target, std::move(*item), env_);
      if (!conditions_hold(clause)) continue;
      if (level + 1 == c_.clauses.size()) return true;
      its_.push_back(py::iter(in_.eval(*c_.clauses[level + 1].iter, env_)));
    }
    return false;
  }

  const EnvPtr& env() const { return env_; }

 private:
  bool conditions_hold(const ComprehensionFor& clause) {
    for (const auto& cond : clause.conditions) {
      if (!in_.test(*cond, env_)) return false;
    }
    return true;
  }

  Interpreter& in_;
  const ComprehensionExpr& c_;
  EnvPtr env_;
  std::vector<py::Iterator> its_;
};

}  // namespace

Value Interpreter::eval_comprehension(const ComprehensionExpr& c, const EnvPtr& env) {
  // The first iterable is evaluated in the enclosing scope, immediately (even for a
  // generator expression), as in Python.
  const Value first = eval(*c.clauses.front().iter, env);
  auto inner = std::make_shared<Env>();
  inner->parent = env;
  for (const auto& clause : c.clauses) declare_targets(*clause.target, *inner);
  if (c.comprehension == ComprehensionKind::Generator) {
    auto walk = std::make_shared<ClauseWalk>(*this, c, inner, first);
    std::weak_ptr<bool> alive = this->alive();
    return Value::generator([this, walk, alive, &c]() -> std::optional<Value> {
      if (alive.expired() || !*alive.lock())
        throw_error("RuntimeError", "generator used after its render ended");
      if (!walk->next()) return std::nullopt;
      return eval(*c.element, walk->env());
    });
  }
  ClauseWalk walk(*this, c, inner, first);
  if (c.comprehension == ComprehensionKind::Dict) {
    Value result = Value::dict();
    while (walk.next()) {
      Value key = eval(*c.key, inner);
      result.as_dict().set(std::move(key), eval(*c.element, inner));
    }
    return result;
  }
  if (c.comprehension == ComprehensionKind::Set) {
    // Each element is added (and hashed) when made, as Python's SET_ADD does.
    Value result = Value::set();
    while (walk.next()) rt::add_item(result, eval(*c.element, inner));
    return result;
  }
  std::vector<Value> items;
  while (walk.next()) items.push_back(eval(*c.element, inner));
  return Value::list(std::move(items));
}

}  // namespace squall::interp
