// Internal to the render runtime: the tornado.escape functions as Values.
#pragma once

#include <string>

#include "squall/detail/render.hpp"

namespace squall::render {

/// make_default_names builds default_names(quote) once per quote entity.
Namespace make_default_names(QuoteEntity quote);

/// linkify_call is `linkify(text, shorten=..., ...)` with Tornado's argument handling;
/// the linkify function and the linkify UI module share it.
std::string linkify_call(Args args, KwArgs kwargs, QuoteEntity quote);

}  // namespace squall::render
