// Pieces of the str method table shared between its implementation files. Internal.
#pragma once

#include "value/internal.hpp"

namespace squall::rt {

Value str_upper(std::string_view s);
Value str_lower(std::string_view s);
Value str_swapcase(std::string_view s);
Value str_casefold(std::string_view s);
Value str_title(std::string_view s);
Value str_capitalize(std::string_view s);
/// str_predicate implements the is*() methods; nullopt when `name` is not one of them.
std::optional<bool> str_predicate(std::string_view name, std::string_view s);
/// str_pad implements center, ljust, rjust and zfill.
Value str_pad(std::string_view name, std::string_view s, Args args);

/// str_split is str.split / str.rsplit (`sep` null means whitespace).
Value str_split(std::string_view s, const Value* sep, std::int64_t maxsplit, bool right);
/// str_strip strips `chars` (null: whitespace) from the `left`/`right` ends.
Value str_strip(std::string_view s, const Value* chars, bool left, bool right,
                std::string_view name);

}  // namespace squall::rt
