// Compact, deterministic S-expression dumps of expression and statement trees, for tests
// and for the template AST dump.
//
// Forms: (name x) (const None|True|False|1|2.5|"text") (attr V name) (sub V I)
// (slice L U S) with `_` for an omitted part, (call F args...) where keyword, *args and
// **kwargs arguments are (kw name V) (star V) (dstar V); (neg X) (pos X) (invert X) (not X);
// (+ A B) and the other binary operators by their Python spelling; (and ...) (or ...);
// (compare A < B not-in C ...); (ifexp TEST BODY ORELSE); (tuple ...) (list ...) (set ...);
// (dict (: K V) (** V)); (listcomp E CLAUSES) (setcomp E ...) (genexp E ...)
// (dictcomp K V ...) with clauses (for TARGET ITER (if C)...); (lambda (params P...) BODY)
// with P = a | (= a DEFAULT) | (* a) | (** a); (starred X).
// Statements: (assign T1 T2 ... VALUE) (augassign += T V) (expr V) (pass)
// (if-stmt (branch COND S...) ... (else S...)).
// Strings are quoted JSON-style, so every dump is unambiguous.
#pragma once

#include <string>

#include "expr/expr_ast.hpp"

namespace squall::front {

std::string dump_expr(const Expr& e);
void dump_expr(const Expr& e, std::string& out);

std::string dump_stmt(const Stmt& s);
void dump_stmt(const Stmt& s, std::string& out);

/// append_json_string appends `text` as a JSON string literal (quotes and escapes).
void append_json_string(std::string_view text, std::string& out);

}  // namespace squall::front
