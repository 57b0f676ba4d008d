// Default behaviour of squall::Object hooks: the errors Python raises for plain objects.
#include "value/internal.hpp"

namespace squall {

std::optional<Value> Object::getattr(std::string_view) const {
  return std::nullopt;
}

std::optional<Value> Object::call_method(std::string_view name, Args args, KwArgs kwargs) const {
  auto f = getattr(name);
  if (!f) return std::nullopt;
  return py::call(*f, args, kwargs);
}

Value Object::getitem(const Value&) const {
  rt::raise("TypeError", "'" + std::string(type_name()) + "' object is not subscriptable");
}

Value Object::call(Args, KwArgs) const {
  rt::raise("TypeError", "'" + std::string(type_name()) + "' object is not callable");
}

bool Object::truthy() const {
  auto n = len();
  return !n || *n != 0;
}

void Object::append_str(std::string& out) const {
  append_repr(out);
}

void Object::append_repr(std::string& out) const {
  out += '<';
  out += type_name();
  out += " object>";
}

std::optional<bool> Object::eq(const Value&) const {
  return std::nullopt;
}
std::optional<int> Object::compare(const Value&) const {
  return std::nullopt;
}
std::optional<Value> Object::binary_op(std::string_view, const Value&, bool) const {
  return std::nullopt;
}
std::optional<std::size_t> Object::hash() const {
  return std::hash<const void*>{}(static_cast<const void*>(this));
}

}  // namespace squall
