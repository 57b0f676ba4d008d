// eval_lambda: `lambda a, b=1, *c, **d: body` becomes a py callable that captures the
// enclosing Env (closures see later assignments, as Python cells do); template locals
// are read from the render's slots at call time.
#include "interp/interpreter_impl.hpp"
#include "squall/py.hpp"

namespace squall::interp {

using namespace front;

Value Interpreter::eval_lambda(const LambdaExpr& l, const EnvPtr& env) {
  std::vector<render::LambdaParam> params;
  std::vector<Value> defaults;
  for (const auto& p : l.params) {
    params.push_back(
        render::LambdaParam{p.name, p.default_value != nullptr, p.star, p.double_star});
    if (p.default_value) defaults.push_back(eval(*p.default_value, env));
  }
  std::weak_ptr<bool> alive = this->alive();
  return Value::function("<lambda>",
                         [this, &l, env, alive, params = std::move(params),
                          defaults = std::move(defaults)](Args args, KwArgs kwargs) -> Value {
                           if (alive.expired() || !*alive.lock())
                             throw_error("RuntimeError", "lambda called after its render ended");
                           render::CallDepthGuard depth;
                           std::vector<Value> values =
                               render::bind_lambda_args(params, defaults, args, kwargs);
                           auto frame = std::make_shared<Env>();
                           frame->parent = env;
                           for (std::size_t i = 0; i < params.size(); ++i)
                             frame->vars.emplace_back(params[i].name, std::move(values[i]));
                           return eval(*l.body, frame);
                         });
}

}  // namespace squall::interp
