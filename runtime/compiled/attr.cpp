#include "squall/compiled.hpp"
#include "value/internal.hpp"

namespace squall::rt {

Attr::Attr(std::string_view name) : global_(name), dict_method_(has_method(Kind::Dict, name)) {}

}  // namespace squall::rt
