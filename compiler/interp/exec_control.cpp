// exec_if, exec_for, exec_while: Python's control flow, `else` clauses included.
#include "interp/interpreter_impl.hpp"
#include "squall/py.hpp"

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
  py::Iterator it = at(file, n.range, [&] { return py::iter(eval(*n.iter, nullptr)); });
  while (true) {
    auto item = at(file, n.range, [&] { return it.next(); });
    if (!item) break;
    at(file, n.range, [&] { assign(*n.target, std::move(*item), nullptr); });
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
