// Augmented assignment (`x op= y`) for both back ends: Python's in-place operators change a
// list, set or dict where the plain operator would make a new one, so another name for the
// object sees the change; everything else is the plain operator.
#include "squall/detail/render.hpp"
#include "squall/py.hpp"
#include "value/set_methods.hpp"

namespace squall::render {
namespace {

// augmented runs `plain` and renames the operator in its "unsupported operand type(s)"
// TypeError: Python reports `x += y` as `+=` (and `**=`, where the plain one is `** or pow()`).
template <class F>
Value augmented(std::string_view op, F&& plain) {
  try {
    return plain();
  } catch (const Error& e) {
    const std::string prefix = "unsupported operand type(s) for ";
    const std::string plain_op = op == "**" ? "** or pow()" : std::string(op);
    const std::string& m = e.message();
    if (e.type() != "TypeError" || m.rfind(prefix + plain_op + ":", 0) != 0) throw;
    throw_error("TypeError",
                prefix + std::string(op) + "=" + m.substr(prefix.size() + plain_op.size()));
  }
}

Value set_or_plain(const Value& a, const Value& b, char op,
                   Value (*plain)(const Value&, const Value&)) {
  const std::string_view sym(&op, 1);
  return augmented(sym, [&] { return a.is_set() ? rt::set_inplace(a, b, op) : plain(a, b); });
}

}  // namespace

Value inplace_add(const Value& a, const Value& b) {
  if (!a.is_list()) return augmented("+", [&] { return py::add(a, b); });
  std::vector<Value> extra = py::to_vector(b);  // copied first: `x += x` must not loop
  auto& items = a.as_items();
  items.insert(items.end(), extra.begin(), extra.end());
  return a;
}

Value inplace_sub(const Value& a, const Value& b) {
  return set_or_plain(a, b, '-', py::sub);
}

Value inplace_mul(const Value& a, const Value& b) {
  return augmented("*", [&] {
    Value result = py::mul(a, b);
    if (!a.is_list()) return result;
    // list.__imul__: the list itself holds the repetition.
    a.as_items() = std::move(result.as_items());
    return a;
  });
}

Value inplace_truediv(const Value& a, const Value& b) {
  return augmented("/", [&] { return py::truediv(a, b); });
}

Value inplace_floordiv(const Value& a, const Value& b) {
  return augmented("//", [&] { return py::floordiv(a, b); });
}

Value inplace_mod(const Value& a, const Value& b) {
  return augmented("%", [&] { return py::mod(a, b); });
}

Value inplace_pow(const Value& a, const Value& b) {
  return augmented("**", [&] { return py::pow(a, b); });
}

Value inplace_lshift(const Value& a, const Value& b) {
  return augmented("<<", [&] { return py::lshift(a, b); });
}

Value inplace_rshift(const Value& a, const Value& b) {
  return augmented(">>", [&] { return py::rshift(a, b); });
}

Value inplace_and(const Value& a, const Value& b) {
  return set_or_plain(a, b, '&', py::and_);
}

Value inplace_or(const Value& a, const Value& b) {
  if (!a.is_dict()) return set_or_plain(a, b, '|', py::or_);
  const Value arg[] = {b};
  py::call_method(a, "update", arg);
  return a;
}

Value inplace_xor(const Value& a, const Value& b) {
  return set_or_plain(a, b, '^', py::xor_);
}

}  // namespace squall::render
