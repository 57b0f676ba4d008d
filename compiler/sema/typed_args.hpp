// Typed arguments: a template's declaration of its arguments' C++ types.
//
// A template declares them in a comment, which Tornado ignores (docs/typed-templates.md):
//
//   {# squall:
//     include "blog/types.hpp"
//     post: blog::Post
//     posts: std::vector<blog::Post>
//   #}
//
// Each line after `squall:` (or `;`-separated part of one) is `include "header"` (or
// `include <header>`), a declaration `name: C++ type`, or empty. The types are a contract for the
// C++ back end only: sema checks the syntax here, the C++ compiler checks the types when the
// generated code compiles, and the interpreter ignores them.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ast/ast.hpp"
#include "diag/diagnostics.hpp"

namespace squall::front {

/// TypedArg is one declared argument.
struct TypedArg {
  std::string name;
  /// type is the C++ type as written (spaces collapsed).
  std::string type;
  /// dynamic is true for `squall::Value`: the argument is passed and read as a Value.
  bool dynamic = false;
  /// range is the declaration line `name: type` in `TypedArgs::file`.
  SourceRange range;
};

/// TypedArgs is a template's declaration; `declared` is false for an untyped template.
struct TypedArgs {
  bool declared = false;
  std::shared_ptr<const SourceFile> file;
  /// includes are the headers as written, with their delimiters (`"a.hpp"`, `<a.hpp>`).
  std::vector<std::string> includes;
  std::vector<TypedArg> args;

  /// find returns the declaration of `name`, or null.
  const TypedArg* find(const std::string& name) const {
    for (const auto& a : args) {
      if (a.name == name) return &a;
    }
    return nullptr;
  }
};

/// kTypedArgsMarker opens a declaration comment.
inline constexpr std::string_view kTypedArgsMarker = "squall:";

/// read_typed_args reads the declaration comment of `file` (not declared when it has
/// none). Returns nullopt after reporting errors with their line and column: a malformed
/// line, an invalid argument name, a missing or malformed type, an argument declared twice,
/// or a second declaration comment.
std::optional<TypedArgs> read_typed_args(const Template& file, DiagnosticEngine& diags);

}  // namespace squall::front
