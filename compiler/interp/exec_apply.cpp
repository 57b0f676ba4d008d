// exec_apply: `{% apply f %}body{% end %}`: the body runs as a nested function (its own
// locals, unbound on every run) and its output text goes through `f`.
#include "interp/interpreter_impl.hpp"
#include "sema/pasted_text.hpp"

namespace squall::interp {

using namespace front;

void Interpreter::exec_apply(const ApplyNode& n, const Template& file) {
  if (n.pasted_body) {
    // Tornado's `_tt_utf8(func(_tt_apply0()))` where the call wraps only part of `func`:
    // the body runs if and when that call does.
    auto& slot = locals_[static_cast<std::size_t>(n.pasted_body->slot)];
    bool body_failed = false;
    slot = Value::function(kApplyBodyFunction, [this, &n, &file, &body_failed](Args, KwArgs) {
      try {
        return Value(run_apply_body(n, file));
      } catch (...) {
        body_failed = true;
        throw;
      }
    });
    struct Unbind {
      std::optional<Value>& slot;
      ~Unbind() { slot.reset(); }
    } unbind{slot};
    Value result;
    try {
      result = at(file, n.range, [&] { return eval(*n.func, kNoEnv); });
    } catch (Error& e) {
      // An error of the body keeps its own line alone, as compiled code reports it (one
      // location per render function), not "via" this tag.
      if (body_failed) e.chain.pop_back();
      throw;
    }
    at(file, n.range, [&] { render::append_function_result(out_->flushed(), result); });
    return;
  }
  // Python evaluates the function before calling the body's function.
  const Value fn = at(file, n.range, [&] { return eval(*n.func, kNoEnv); });
  std::string body = run_apply_body(n, file);
  at(file, n.range, [&] { render::append_apply(*out_, fn, std::move(body)); });
}

std::string Interpreter::run_apply_body(const ApplyNode& n, const Template& file) {
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
  return body;
}

}  // namespace squall::interp
