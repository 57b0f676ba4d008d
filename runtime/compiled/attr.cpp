#include "squall/detail/compiled.hpp"
#include "value/internal.hpp"

namespace squall::rt {

Attr::Attr(std::string_view name) : global_(name), dict_method_(has_method(Kind::Dict, name)) {}

const Value& getattr_into(Value& slot, const Value& v, const Attr& a) {
  slot = py::getattr(v, a.name());
  return slot;
}

}  // namespace squall::rt
