// Internal: the Values a Handler gives templates (the handler namespace of
// RequestHandler.render_string) and the argument binding their functions share.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "squall/detail/render.hpp"
#include "squall/web/application.hpp"

namespace squall::web::detail {

/// Param is one parameter of a function templates call.
struct Param {
  std::string_view name;
  bool required = false;
};

/// bind_args binds a call's arguments to `params` as Python binds a def's: one slot per
/// parameter (nullopt when not given); TypeError "f() missing 1 required positional
/// argument: 'x'", "f() got an unexpected keyword argument 'y'", "f() takes at most 3
/// arguments (4 given)" or "f() got multiple values for argument 'x'".
std::vector<std::optional<Value>> bind_args(std::string_view function,
                                            std::span<const Param> params, Args args,
                                            KwArgs kwargs);

/// make_names builds the handler namespace of `handler` into `names` (after the
/// application's own names, which it copies).
void make_names(Handler& handler, squall::Namespace& names);

/// locale_value is `locale` as templates see it: code, name, rtl, translate, pgettext,
/// format_date, format_day, list, friendly_number.
Value locale_value(Handler& handler, const Locale& locale);

}  // namespace squall::web::detail
