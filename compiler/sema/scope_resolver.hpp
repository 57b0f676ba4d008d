// Python's function scoping over a unit: a name assigned anywhere in the unit's code is
// local everywhere in it (UnboundLocalError before assignment); other names are read from
// the render namespace. `apply` bodies are nested functions; lambdas and comprehensions
// bind their own variables.
#pragma once

#include "diag/diagnostics.hpp"
#include "sema/unit.hpp"

namespace squall::front {

/// resolve_scopes fills NameExpr::scope/slot for every name in the unit's code, and
/// Unit::slot_names and Unit::apply_slots. Reports `extends` met inside the unit's code
/// (Tornado: NotImplementedError) and returns false then.
bool resolve_scopes(Unit& unit, DiagnosticEngine& diags);

/// bound_names_of_import lists the names an import statement binds (`import a.b` binds
/// `a`; `import a.b as c` binds `c`; `from m import x as y` binds `y`).
std::vector<std::string> bound_names_of_import(const ImportNode& node);

}  // namespace squall::front
