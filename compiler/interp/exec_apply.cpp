// exec_apply: `{% apply f %}body{% end %}`: the body runs as a nested function (its own
// locals, unbound on every run) and its output text goes through `f`.
#include "interp/interpreter_impl.hpp"

namespace squall::interp {

using namespace front;

void Interpreter::exec_apply(const ApplyNode& n, const Template& file) {
  // Python evaluates the function before calling the body's function.
  const Value fn = at(file, n.range, [&] { return eval(*n.func, kNoEnv); });
  const auto slots = unit_.apply_slots.find(&n);
  if (slots != unit_.apply_slots.end()) {
    for (int slot : slots->second) locals_[static_cast<std::size_t>(slot)].reset();
  }
  std::string body;
  render::OutBuffer* outer = out_;
  struct Restore {
    Interpreter& self;
    render::OutBuffer* outer;
    ~Restore() {
      self.out_ = outer;
      self.applies_.pop_back();
    }
  };
  {
    render::OutBuffer body_out(body);
    out_ = &body_out;
    applies_.push_back(&n);
    Restore restore{*this, outer};
    exec_nodes(n.body, file);  // break/continue cannot cross an apply (a parse error)
    body_out.finish();
  }
  at(file, n.range, [&] { render::append_apply(*out_, fn, std::move(body)); });
}

}  // namespace squall::interp
