// exec_if, exec_for, exec_while: Python's control flow, `else` clauses included.
#include "interp/interpreter_impl.hpp"
#include "sema/for_shape.hpp"
#include "squall/py.hpp"
#include "squall/render.hpp"

namespace squall::interp {

using namespace front;

Flow Interpreter::exec_if(const IfNode& n, const Template& file) {
  for (const auto& branch : n.branches) {
    if (!branch.condition ||
        at(file, branch.range, [&] { return py::truthy(eval(*branch.condition, nullptr)); })) {
      return exec_nodes(branch.body, file);
    }
  }
  return Flow::Normal;
}

Flow Interpreter::exec_for(const ForNode& n, const Template& file) {
  const ForShape shape = for_shape(n);
  std::optional<render::ForIter> it;
  at(file, n.range, [&] {
    if (shape.enumerate_fn) {
      const Value fn = eval(*shape.enumerate_fn, nullptr);
      it.emplace(render::ForIter::Enumerate{}, fn, eval(*shape.enumerate_arg, nullptr));
    } else {
      it.emplace(eval(*n.iter, nullptr));
    }
  });
  std::vector<Value> parts(shape.unpack_count);
  while (at(file, n.range, [&] { return it->next(); })) {
    at(file, n.range, [&] {
      if (shape.unpack_count == 0) return assign(*n.target, it->item(), nullptr);
      it->unpack(parts);
      const auto& targets = static_cast<const SequenceExpr&>(*n.target).elements;
      for (std::size_t i = 0; i < parts.size(); ++i)
        assign(*targets[i], std::move(parts[i]), nullptr);
    });
    if (exec_nodes(n.body, file) == Flow::Break) return Flow::Normal;
  }
  return exec_nodes(n.orelse, file);
}

Flow Interpreter::exec_while(const WhileNode& n, const Template& file) {
  while (at(file, n.range, [&] { return py::truthy(eval(*n.condition, nullptr)); })) {
    if (exec_nodes(n.body, file) == Flow::Break) return Flow::Normal;
  }
  return exec_nodes(n.orelse, file);
}

}  // namespace squall::interp
