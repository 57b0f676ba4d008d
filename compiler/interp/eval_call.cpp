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
  std::vector<Value> args;
  std::vector<KwArg> kwargs;
  std::vector<Value> mappings;  // keeps `**d` dicts alive: KwArg names point into them
  for (const auto& arg : c.args) {
    switch (arg.kind) {
      case ArgKind::Positional:
        args.push_back(eval(*arg.value, env));
        break;
      case ArgKind::Keyword:
        kwargs.push_back(KwArg{arg.name, eval(*arg.value, env)});
        break;
      case ArgKind::Star:
        render::append_star_args(args, eval(*arg.value, env));
        break;
      case ArgKind::DoubleStar:
        mappings.push_back(eval(*arg.value, env));
        render::append_double_star(kwargs, mappings.back());
        break;
    }
  }
  if (method) return py::call_method(callee, method->attr, args, kwargs);
  return py::call(callee, args, kwargs);
}

}  // namespace squall::interp
