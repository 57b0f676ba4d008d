// eval_sequence and eval_dict: tuple/list/set and dict displays, with `*x` and `**d`.
#include "interp/interpreter_impl.hpp"
#include "sema/constant_set.hpp"
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

Value Interpreter::eval_dict(const DictExpr& d, const EnvPtr& env) {
  Value result = Value::dict();
  auto& out = result.as_dict();
  for (std::size_t i = 0; i < d.values.size(); ++i) {
    if (!d.keys[i]) {
      const Value mapping = eval(*d.values[i], env);
      if (!mapping.is_dict()) {
        py::raise_type_error("'" + std::string(py::type_name(mapping)) +
                             "' object is not a mapping");
      }
      for (const auto& [k, v] : mapping.as_dict().entries()) out.set(k, v);
      continue;
    }
    Value key = eval(*d.keys[i], env);
    py::hash(key);  // TypeError "unhashable type: 'list'" before the value is evaluated
    out.set(std::move(key), eval(*d.values[i], env));
  }
  return result;
}

}  // namespace squall::interp
