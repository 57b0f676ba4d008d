// Which `for` loop variables generated code may read in place.
//
// A loop over a list normally copies each item into the loop variable: a reference-count
// increment and decrement, which are atomic and cost more than the rest of a short loop
// body. The copy can be skipped (the variable read through a pointer into the list, and
// copied once when the loop ends) when nothing can tell the difference:
//
// - nothing in the unit's template code can change a list in place (a list method such as
//   `append` named anywhere, `getattr`, an item assignment, `+=`/`*=` other than of a
//   number), so the item stays where it is until the loop moves on;
// - nothing can read the variable later than the loop body does (no lambda or generator
//   expression in the unit, no `try` around the loop whose handlers would see the item of
//   the iteration that failed);
// - no other template runs inside the loop (UI modules render their own templates);
// - the body (with what it includes and the blocks it holds) never assigns the name.
//
// C++ code the template calls (functions, objects, UI modules) must not change a list
// while a template iterates over it: the same rule as for C++ iterators.
#pragma once

#include <vector>

#include "sema/unit.hpp"

namespace squall::front {

/// LoopBorrowing answers the questions above for the loops of one unit. Made once per
/// unit: one walk of the unit's code settles the unit-wide conditions and counts the reads
/// of each local; each loop then costs a walk of its own body.
class LoopBorrowing {
 public:
  explicit LoopBorrowing(const Unit& unit);

  /// allowed tells whether the unit-wide conditions hold.
  bool allowed() const { return allowed_; }

  /// target is the Name target of `loop` that may be read in place: the whole target when
  /// it is a local name, the second one of `for i, x in enumerate(...)`; null when the
  /// unit-wide conditions fail, there is none, or the body assigns it. The `try` condition
  /// is the caller's to check.
  const NameExpr* target(const ForNode& loop) const;

  /// read_outside tells whether `target` (a loop's borrowed name) can be read anywhere but
  /// in `loop`'s body: by name elsewhere in the unit's code (an enclosing loop's next
  /// iteration included), or as a file's escape function. When it cannot, the loop's last
  /// item need not be copied into the variable.
  bool read_outside(const ForNode& loop, const NameExpr& target) const;

  /// assigns tells whether `body` (with what it includes and the blocks it holds) assigns
  /// `name`.
  bool assigns(const NodeList& body, const std::string& name) const;

 private:
  const Unit& unit_;
  bool allowed_ = true;
  std::vector<int> reads_;  // reads of each local slot in the unit's code
};

}  // namespace squall::front
