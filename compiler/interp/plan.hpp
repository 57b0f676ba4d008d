// Internal: what the interpreter prepares once per Unit so that a render resolves nothing
// by string. plan_unit numbers the unit's global names, attribute names and constants
// (Expr::table_index) and keeps, per number, what a render needs: the name with its hash
// (looked up once per render), the rt::Attr (dict reads without rehashing), the constant's
// Value (built once, so `{{ 'text' }}` does not allocate).
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sema/unit.hpp"
#include "squall/detail/compiled.hpp"
#include "squall/value.hpp"

namespace squall::interp {

struct UnitPlan {
  /// Distinct global names read by the unit (NameExpr::table_index when scope == Global).
  /// Held by pointer: an rt::Attr may keep per-site state and need not be movable.
  std::vector<std::unique_ptr<const rt::Attr>> globals;
  /// Distinct attribute names (AttributeExpr::table_index).
  std::vector<std::unique_ptr<const rt::Attr>> attrs;
  /// One Value per ConstantExpr (ConstantExpr::table_index). Shared by every render; str,
  /// int, float, bool and None are immutable, so sharing is unobservable but for `is`.
  std::vector<Value> constants;
  /// The enclosing function's slot of each local name (its first slot: apply bodies' own
  /// slots are numbered after every slot of the function around them).
  std::unordered_map<std::string_view, int> top_slots;
  /// The unit's files, in Unit::files order (an escaper per file and render).
  std::vector<const front::Template*> files;
  /// Per file, the prepared name of its escape function, made by the first render that
  /// escapes in that file (the interpreter is single-threaded; the name is the file's
  /// `{% autoescape %}` or the set's default, both fixed for the plan's life).
  mutable std::vector<std::unique_ptr<render::GlobalName>> escape_names;
  /// The size of the last output, to reserve the next one's buffer.
  std::size_t output_estimate = 0;

  const rt::Attr& global(int i) const { return *globals[static_cast<std::size_t>(i)]; }
  const rt::Attr& attr(int i) const { return *attrs[static_cast<std::size_t>(i)]; }

  /// file_index returns the index of `file` in `files` (files.size() if absent).
  std::size_t file_index(const front::Template* file) const;
};

/// plan_unit numbers the unit's names and constants (writing Expr::table_index into its
/// AST, which the unit owns) and returns their tables.
std::unique_ptr<UnitPlan> plan_unit(front::Unit& unit);

/// Frame is the per-render working memory of an Interpreter, kept by the TemplateSet
/// between renders so that steady-state renders do not allocate it again. Every vector is
/// emptied (values released) when the render ends; only capacity is kept.
struct Frame {
  std::vector<std::optional<Value>> locals;
  std::vector<const Value*> globals;
  std::vector<std::optional<render::Escaper>> escapers;
  std::vector<int> escaper_slots;  // the local shadowing each escaper's function, or -1
  std::vector<ErrorFrame> via;
  std::vector<const front::ApplyNode*> applies;
};

}  // namespace squall::interp
