// exec_try: `{% try %}` with `except [E [as e]]`, `else` and `finally`, as Python runs it.
#include "interp/interpreter_impl.hpp"
#include "squall/py.hpp"

namespace squall::interp {

using namespace front;

namespace {

// Python 3 deletes the `as` name when the handler ends, however it ends.
class UnbindOnExit {
 public:
  explicit UnbindOnExit(std::optional<Value>* slot) : slot_(slot) {}
  ~UnbindOnExit() {
    if (slot_) slot_->reset();
  }
  UnbindOnExit(const UnbindOnExit&) = delete;
  UnbindOnExit& operator=(const UnbindOnExit&) = delete;

 private:
  std::optional<Value>* slot_;
};

}  // namespace

Flow Interpreter::exec_try(const TryNode& n, const Template& file) {
  Flow flow = Flow::Normal;
  try {
    flow = exec_try_handlers(n, file);
  } catch (const Error&) {
    // A break/continue in `finally` discards the exception, as in Python.
    if (n.has_finally) {
      const Flow f = exec_nodes(n.finalbody, file);
      if (f != Flow::Normal) return f;
    }
    throw;
  }
  if (n.has_finally) {
    const Flow f = exec_nodes(n.finalbody, file);
    if (f != Flow::Normal) return f;
  }
  return flow;
}

Flow Interpreter::exec_try_handlers(const TryNode& n, const Template& file) {
  Flow flow = Flow::Normal;
  try {
    flow = exec_nodes(n.body, file);
  } catch (const Error& e) {
    for (const auto& handler : n.handlers) {
      const bool matches = !handler.type || at(file, handler.range, [&] {
        return py::exception_matches(e, eval(*handler.type, kNoEnv));
      });
      if (!matches) continue;
      std::optional<Value>* bound = nullptr;
      if (!handler.name.empty()) {
        const int slot = slot_of(handler.name);
        if (slot >= 0) {
          bound = &locals_[static_cast<std::size_t>(slot)];
          *bound = py::exception_value(e);
        }
      }
      UnbindOnExit unbind(bound);
      return exec_nodes(handler.body, file);
    }
    throw;
  }
  if (flow == Flow::Normal && n.has_else) return exec_nodes(n.orelse, file);
  return flow;
}

}  // namespace squall::interp
