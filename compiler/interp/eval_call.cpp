// eval_call: `f(a, *b, k=c, **d)`; `obj.name(...)` goes through py::call_method so no
// bound method is built for str/list/dict methods.
#include "interp/interpreter_impl.hpp"
#include "squall/py.hpp"

namespace squall::interp {

using namespace front;

Value Interpreter::eval_call(const CallExpr& c, const EnvPtr& env) {
  const AttributeExpr* method = nullptr;
  Value callee;
  if (c.func->kind == ExprKind::Attribute) {
    method = static_cast<const AttributeExpr*>(c.func.get());
    callee = eval(*method->value, env);
  } else {
    callee = eval(*c.func, env);
  }
  // Up to four positional arguments, the usual call, need no vector.
  constexpr std::size_t kInlineArgs = 4;
  if (c.args.size() <= kInlineArgs) {
    bool positional = true;
    for (const auto& arg : c.args) positional = positional && arg.kind == ArgKind::Positional;
    if (positional) {
      Value inline_args[kInlineArgs];
      for (std::size_t i = 0; i < c.args.size(); ++i) inline_args[i] = eval(*c.args[i].value, env);
      const Args args(inline_args, c.args.size());
      if (method) return py::call_method(callee, method->attr, args);
      return py::call(callee, args);
    }
  }
  // The generated code's builder, so `*` and `**` unpack by the same rules in both back ends.
  rt::CallArgs args;
  for (const auto& arg : c.args) {
    switch (arg.kind) {
      case ArgKind::Positional:
        std::move(args).pos(eval(*arg.value, env));
        break;
      case ArgKind::Keyword:
        std::move(args).kw(arg.name, eval(*arg.value, env));
        break;
      case ArgKind::Star:
        std::move(args).star(eval(*arg.value, env));
        break;
      case ArgKind::DoubleStar:
        std::move(args).double_star(eval(*arg.value, env));
        break;
    }
  }
  if (method) return py::call_method(callee, method->attr, args.args(), args.kwargs());
  return py::call(callee, args.args(), args.kwargs());
}

}  // namespace squall::interp
