// `squall check --strict`: names a template reads from the render namespace that nothing
// provides, reported as warnings so untyped templates get typo checks too.
#pragma once

#include <string>
#include <vector>

#include "sema/unit.hpp"

namespace squall::front {

/// check_strict_names warns, at each read, about every name the unit's code reads from the
/// render namespace that is none of: an argument the template declares
/// (sema/typed_args.hpp), a Python builtin, a Tornado default (`escape`, `json_encode`,
/// `datetime`, ...), a name every render has (`globals`, `__name__`, `_tt_modules`,
/// `modules`), or one of `known` (the names the program registers). Returns how many
/// warnings it reported.
int check_strict_names(const Unit& unit, const std::vector<std::string>& known,
                       DiagnosticEngine& diags);

}  // namespace squall::front
