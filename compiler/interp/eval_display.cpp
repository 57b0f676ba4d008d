// eval_sequence and eval_dict: tuple/list/set and dict displays, with `*x` and `**d`.
#include "interp/interpreter_impl.hpp"
#include "sema/constant_set.hpp"
#include "sema/display_order.hpp"
#include "squall/py.hpp"

namespace squall::interp {

using namespace front;

Value Interpreter::eval_sequence(const SequenceExpr& s, const EnvPtr& env) {
  std::vector<Value> items;
  items.reserve(s.elements.size());
  for (const auto& element : s.elements) {
    if (element->kind == ExprKind::Starred) {
      render::append_star_args(items, eval(*static_cast<const StarredExpr&>(*element).value, env));
    } else {
      items.push_back(eval(*element, env));
    }
  }
  switch (s.kind) {
    case ExprKind::Tuple:
      return Value::tuple(std::move(items));
    case ExprKind::Set:
      if (is_constant_set_display(s)) return py::set_of_constants(std::move(items));
      return Value::set(std::move(items));
    default:
      return Value::list(std::move(items));
  }
}

// In front::dict_steps' steps: a run's keys and values are all evaluated, then inserted.
Value Interpreter::eval_dict(const DictExpr& d, const EnvPtr& env) {
  Value result = Value::dict();
  std::vector<Value> run;
  for (const auto& step : dict_steps(d)) {
    if (step.kind == DictStep::Kind::Merge) {
      render::dict_merge(result, eval(*d.values[step.begin], env));
      continue;
    }
    run.clear();
    for (std::size_t i = step.begin; i < step.end; ++i) {
      run.push_back(eval(*d.keys[i], env));
      run.push_back(eval(*d.values[i], env));
    }
    auto& out = result.as_dict();
    for (std::size_t i = 0; i < run.size(); i += 2)
      out.set(std::move(run[i]), std::move(run[i + 1]));
  }
  return result;
}

}  // namespace squall::interp
