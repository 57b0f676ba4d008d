// A deterministic S-expression dump of a parsed template, for golden tests and
// `squall check --dump-ast`.
#pragma once

#include <string>

#include "ast/ast.hpp"

namespace squall::front {

/// dump_template returns one line per node, children indented by two spaces:
///   (template "name" autoescape=<"name"|default>
///     (text@L "..." single)       literal text after filtering, with its mode
///     (expr@L E) (raw@L E) (module@L E)
///     (set@L S...) (import@L "module" ("name" "alias")...) (from@L ...)
///     (if@L (branch@L COND ...) (else@L ...)) (for@L TARGET ITER ... (else@L ...))
///     (while@L COND ... (else@L ...)) (try@L ... (except@L TYPE|_ "name" ...) (else@L ...)
///     (finally ...)) (block@L "name" ...) (apply@L F ...) (extends@L "path") (include@L "path")
///     (autoescape@L "name") (whitespace@L mode) (break@L) (continue@L))
/// `L` is the line of the node's opening delimiter. Expressions use dump_expr.
std::string dump_template(const Template& t);

}  // namespace squall::front
